package app.rapport.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.shared.InvalidInputException;

/**
 * What the user typed into the search box, checked: not blank, at most {@value #MAX_LENGTH} characters,
 * and recognized as a ticket number when it is one ({@code #123} or {@code 123}).
 */
public record SearchQuery(String text, Optional<Long> ticketNumber, int limit) {

	public static final int MAX_LENGTH = 200;

	public static final int DEFAULT_LIMIT = 10;

	public static final int MAX_LIMIT = 50;

	private static final Pattern TICKET_NUMBER = Pattern.compile("#?\\s*(\\d{1,18})");

	/** Parses the query and the per-kind limit ({@code null} for the default). */
	public static SearchQuery of(String query, Integer limit) {
		if (query == null || query.isBlank()) {
			throw new InvalidInputException("q", "must not be blank");
		}
		String text = query.strip();
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInputException("q", "must be at most " + MAX_LENGTH + " characters");
		}
		int perKind = limit == null ? DEFAULT_LIMIT : limit;
		if (perKind < 1 || perKind > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		Matcher number = TICKET_NUMBER.matcher(text);
		Optional<Long> ticketNumber = number.matches() ? Optional.of(Long.parseLong(number.group(1))) : Optional.empty();
		// "#123" is not a word: search the digits, so the number still finds texts that mention it.
		return new SearchQuery(ticketNumber.isPresent() ? number.group(1) : text, ticketNumber, perKind);
	}

}
