package app.rapport.identity;

import java.time.Instant;
import java.util.List;

/** A token as listed (never the secret): who, what for, scopes, when last used, revoked or not. */
public record ApiTokenView(long id, long userId, String name, String prefix, List<String> scopes, Instant createdAt,
		Instant lastUsedAt, Instant revokedAt) {

	static ApiTokenView of(ApiToken t) {
		return new ApiTokenView(t.getId(), t.getUserId(), t.getName(), t.getTokenPrefix(),
				t.getScopes().stream().map(Scope::key).toList(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
	}

}
