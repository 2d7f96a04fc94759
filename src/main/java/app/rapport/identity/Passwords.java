package app.rapport.identity;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Password rules and generated passwords (there is no default password). */
@org.springframework.modulith.NamedInterface("api")
public final class Passwords {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why a password is refused; {@link #messageKey()} names the localized text for forms. */
	public enum Weakness {

		TOO_SHORT("must be at least " + MIN_LENGTH + " characters"), TOO_LONG("must be at most " + MAX_LENGTH + " characters"),
		TOO_REPETITIVE("is too repetitive");

		private final String reason;

		Weakness(String reason) {
			this.reason = reason;
		}

		/** The English reason, as the API reports it. */
		public String reason() {
			return reason;
		}

		public String messageKey() {
			return "password." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

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

	/** 256 random bits, URL-safe: the secret part of a one-time link. */
	static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The reason a password is refused, or {@code null} when it is acceptable. */
	public static String weakness(String password) {
		return check(password).map(Weakness::reason).orElse(null);
	}

	/** The rule a password breaks, if any. */
	public static Optional<Weakness> check(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of(Weakness.TOO_SHORT);
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of(Weakness.TOO_LONG);
		}
		if (password.chars().distinct().count() < 5) {
			return Optional.of(Weakness.TOO_REPETITIVE);
		}
		return Optional.empty();
	}

}
