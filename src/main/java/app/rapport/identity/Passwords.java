package app.rapport.identity;

import java.security.SecureRandom;

/** Password rules and generated passwords (there is no default password). */
public final class Passwords {

	public static final int MIN_LENGTH = 12;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	/** A random 20-character password from an alphabet without look-alike characters. */
	public static String generate() {
		StringBuilder sb = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	/** The reason a password is refused, or {@code null} when it is acceptable. */
	public static String weakness(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return "must be at least " + MIN_LENGTH + " characters";
		}
		if (password.length() > 128) {
			return "must be at most 128 characters";
		}
		if (password.chars().distinct().count() < 5) {
			return "is too repetitive";
		}
		return null;
	}

}
