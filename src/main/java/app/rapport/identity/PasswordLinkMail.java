package app.rapport.identity;

import java.time.Instant;

/**
 * What the mail with a password link holds: to whom, in which language, and the link's path with its fresh
 * secret (never logged: see {@link #toString()}).
 *
 * @param path the link's path and query (the secret included), to be put after the base address
 */
@org.springframework.modulith.NamedInterface("api")
public record PasswordLinkMail(String email, String displayName, String language, String path, Instant expiresAt) {

	@Override
	public String toString() {
		return "PasswordLinkMail[email=" + email + ", expiresAt=" + expiresAt + "]";
	}

}
