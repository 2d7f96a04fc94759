package app.rapport.identity;

import java.time.Instant;
import java.util.List;

/**
 * A token as listed (never the secret): who, what for, scopes, when last used, when it expires, and whether
 * it still works ({@code state}: {@code active}, {@code expired} or {@code revoked}).
 */
public record ApiTokenView(long id, long userId, String name, String prefix, List<String> scopes, Instant createdAt,
		Instant lastUsedAt, Instant expiresAt, Instant revokedAt, String state) {

	static ApiTokenView of(ApiToken t, Instant now) {
		String state = t.isRevoked() ? "revoked" : t.isExpiredAt(now) ? "expired" : "active";
		return new ApiTokenView(t.getId(), t.getUserId(), t.getName(), t.getTokenPrefix(),
				t.getScopes().stream().map(Scope::key).toList(), t.getCreatedAt(), t.getLastUsedAt(), t.getExpiresAt(),
				t.getRevokedAt(), state);
	}

	public boolean active() {
		return "active".equals(state);
	}

}
