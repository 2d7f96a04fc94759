package app.rapport.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An API token with what authentication needs of its user, read in one query: a request authenticated by
 * token reads its user afresh every time (a deactivation or role change counts at the next request), and
 * this keeps that to one statement instead of loading the token and the user entity one after the other.
 */
record TokenHolder(long tokenId, String scopes, Instant lastUsedAt, Instant revokedAt, Instant expiresAt,
		long userId, String email, String displayName, Role role, boolean active, long sessionEpoch) {

	/** Whether the token works at {@code now}: not revoked, not expired, and its user active. */
	boolean isUsableAt(Instant now) {
		return revokedAt == null && !ApiToken.expiredAt(expiresAt, now) && active;
	}

	Set<Scope> tokenScopes() {
		return ApiToken.scopesOf(scopes);
	}

	UserState user() {
		return new UserState(email, displayName, role, active, sessionEpoch);
	}

}
