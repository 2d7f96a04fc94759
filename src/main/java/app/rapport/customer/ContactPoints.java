package app.rapport.customer;

import java.util.Locale;

/** Normal forms of e-mail addresses and phone numbers, the keys of duplicate detection. */
@org.springframework.modulith.NamedInterface("api")
public final class ContactPoints {

	private ContactPoints() {
	}

	/** Trimmed and lower-cased; {@code null} when blank. */
	public static String normalizeEmail(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public static boolean isValidEmail(String email) {
		String e = normalizeEmail(email);
		return e != null && e.length() <= 254 && e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
	}

	/**
	 * Digits only, with a leading {@code +} kept and {@code 00} read as {@code +}: "+86 138-0013 8000" and
	 * "0086 13800138000" meet. {@code null} when there are fewer than 5 digits.
	 */
	public static String normalizePhone(String phone) {
		if (phone == null) {
			return null;
		}
		String trimmed = phone.trim();
		StringBuilder digits = new StringBuilder();
		for (char c : trimmed.toCharArray()) {
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		if (digits.length() < 5) {
			return null;
		}
		if (trimmed.startsWith("+")) {
			return "+" + digits;
		}
		if (digits.toString().startsWith("00")) {
			return "+" + digits.substring(2);
		}
		return digits.toString();
	}

}
