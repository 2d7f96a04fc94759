package app.rapport.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in to Rapport: agent, supervisor, admin or analyst. */
@Entity
@Table(name = "app_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
	@SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private String email;

	@Column(nullable = false)
	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private String language;

	@Column(nullable = false)
	private String timeZone;

	private boolean active = true;

	private int failedSignIns;

	private Instant lockedUntil;

	@Column(nullable = false)
	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_language", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "language")
	private Set<String> spokenLanguages = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "group_member", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new HashSet<>();

	/** Sessions signed in under an older epoch are ended at their next request. */
	private long sessionEpoch;

	@Version
	private long version;

	protected User() {
	}

	public User(String email, String displayName, Role role, String language, String timeZone, Instant createdAt) {
		this.email = email.trim().toLowerCase(java.util.Locale.ROOT);
		this.displayName = displayName;
		this.role = role;
		this.language = language;
		this.timeZone = timeZone;
		this.createdAt = createdAt;
		this.spokenLanguages.add(language);
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	/** A new password ends every session signed in with the old one. */
	public void setPasswordHash(String passwordHash) {
		if (this.passwordHash != null && !this.passwordHash.equals(passwordHash)) {
			endSessions();
		}
		this.passwordHash = passwordHash;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public boolean isActive() {
		return active;
	}

	/** Deactivating a user also ends their sessions. */
	public void setActive(boolean active) {
		if (this.active && !active) {
			endSessions();
		}
		this.active = active;
	}

	public long getSessionEpoch() {
		return sessionEpoch;
	}

	/** Every session signed in before now ends at its next request. */
	public void endSessions() {
		sessionEpoch++;
	}

	public int getFailedSignIns() {
		return failedSignIns;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failed sign-in and locks the account for {@code lockout} once {@code maxFailures} is reached. */
	public void recordFailedSignIn(Instant now, int maxFailures, java.time.Duration lockout) {
		failedSignIns++;
		if (failedSignIns >= maxFailures) {
			lockedUntil = now.plus(lockout);
			failedSignIns = 0;
		}
	}

	public void recordSuccessfulSignIn() {
		failedSignIns = 0;
		lockedUntil = null;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Set<String> getSpokenLanguages() {
		return spokenLanguages;
	}

	public Set<Long> getGroupIds() {
		return groupIds;
	}

	public long getVersion() {
		return version;
	}

}
