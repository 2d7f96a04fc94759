package app.rapport.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A personal access token; only its SHA-256 hash is stored, the token itself is shown once. */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
	@SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long userId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false, unique = true)
	private String tokenHash;

	@Column(nullable = false)
	private String tokenPrefix;

	@Column(nullable = false)
	private String scopes;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	/** After this instant the token no longer works; {@code null} when it never expires. */
	private Instant expiresAt;

	protected ApiToken() {
	}

	ApiToken(long userId, String name, String tokenHash, String tokenPrefix, Set<Scope> scopes, Instant createdAt,
			Instant expiresAt) {
		this.expiresAt = expiresAt;
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.scopes = scopes.stream().map(Scope::key).sorted().collect(Collectors.joining(","));
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	Long getUserId() {
		return userId;
	}

	String getName() {
		return name;
	}

	String getTokenPrefix() {
		return tokenPrefix;
	}

	Set<Scope> getScopes() {
		return scopesOf(scopes);
	}

	/** The scopes of a stored, comma-separated list. */
	static Set<Scope> scopesOf(String stored) {
		Set<Scope> result = EnumSet.noneOf(Scope.class);
		Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).forEach(s -> result.add(Scope.valueOf(s.toUpperCase())));
		return result;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
	}

	Instant getRevokedAt() {
		return revokedAt;
	}

	boolean isRevoked() {
		return revokedAt != null;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

	boolean isExpiredAt(Instant now) {
		return expiredAt(expiresAt, now);
	}

	/** Whether a token with this expiry (none: {@code null}) has expired at {@code now}. */
	static boolean expiredAt(Instant expiresAt, Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	void markUsed(Instant now) {
		lastUsedAt = now;
	}

}
