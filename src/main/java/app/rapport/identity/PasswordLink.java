package app.rapport.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A one-time link with which a user chooses a password; only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "password_link")
class PasswordLink {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_link_seq")
	@SequenceGenerator(name = "password_link_seq", sequenceName = "password_link_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long userId;

	@Column(nullable = false)
	private String tokenHash;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant expiresAt;

	private Instant usedAt;

	protected PasswordLink() {
	}

	PasswordLink(long userId, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.userId = userId;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	Long getId() {
		return id;
	}

	/** Replaces the secret (only its hash is kept); the earlier secret stops working. */
	void rehash(String tokenHash) {
		this.tokenHash = tokenHash;
	}

	Long getUserId() {
		return userId;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	boolean isUsableAt(Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

	/** Used, or replaced by a newer link: either way it no longer works. */
	void spend(Instant now) {
		if (usedAt == null) {
			usedAt = now;
		}
	}

}
