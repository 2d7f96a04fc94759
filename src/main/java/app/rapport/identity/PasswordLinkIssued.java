package app.rapport.identity;

import java.time.Instant;

/**
 * A user was given a one-time link to choose their password: as an invitation when an admin created them
 * without one, or on an admin's request later. Published inside the transaction that stores the link, so
 * that the mail goes out only once it is committed.
 *
 * @param path the link's path and query (the secret included), to be put after the base address
 * @param invitation whether the account is new
 */
public record PasswordLinkIssued(long userId, String email, String displayName, String language, String path,
		Instant expiresAt, boolean invitation) {

	@Override
	public String toString() {
		// Never log the secret in the path.
		return "PasswordLinkIssued[userId=" + userId + ", expiresAt=" + expiresAt + ", invitation=" + invitation + "]";
	}

}
