package app.rapport.ticket;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import app.rapport.shared.InvalidInputException;

/** Tags are compared without case and surrounding spaces; this keeps them in one form. */
public final class Tags {

	static final int MAX_LENGTH = 60;

	static final int MAX_PER_TICKET = 30;

	private Tags() {
	}

	/** Trimmed, lower-cased, de-duplicated tags; refuses blank, over-long or comma-containing ones. */
	public static Set<String> normalize(Collection<String> tags) {
		Set<String> result = new LinkedHashSet<>();
		if (tags == null) {
			return result;
		}
		for (String tag : tags) {
			String t = normalizeOne(tag);
			if (t.isEmpty() || t.length() > MAX_LENGTH || t.contains(",")) {
				throw new InvalidInputException("tags", "each tag must be 1 to " + MAX_LENGTH + " characters without commas");
			}
			result.add(t);
		}
		if (result.size() > MAX_PER_TICKET) {
			throw new InvalidInputException("tags", "at most " + MAX_PER_TICKET + " tags per ticket");
		}
		return result;
	}

	/** Splits a comma-separated input such as {@code "vip, refund"}. */
	public static Set<String> parse(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return new LinkedHashSet<>();
		}
		return normalize(java.util.Arrays.stream(commaSeparated.split("[,，、]")).map(String::strip)
			.filter(s -> !s.isEmpty()).toList());
	}

	static String normalizeOne(String tag) {
		return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
