package app.rapport.notification;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Something a user should know about, stored once per recipient and rendered in the recipient's language.
 *
 * @param kind a short machine key such as {@code commitment.breached}; never {@code null} or blank
 * @param messageKey the message-bundle key of the text; never {@code null} or blank
 * @param args strings substituted as {@code {0}}, {@code {1}} …; an argument that starts with {@code msg:} is
 * itself a message key resolved in the recipient's language; {@code null} means none, elements are never
 * {@code null}; at most 10 with 1,000 characters in all
 * @param link a site-relative path starting with {@code /} (e.g. {@code /tickets/42}), or {@code null}
 * @param ticketId the ticket the notice is about, or {@code null}: a recipient who can no longer see that
 * ticket is shown the notice without its text and link, and is not mailed it
 */
@org.springframework.modulith.NamedInterface("api")
public record Notice(String kind, String messageKey, List<String> args, String link, Long ticketId) {

	/** A notice about no particular ticket. */
	public Notice(String kind, String messageKey, List<String> args, String link) {
		this(kind, messageKey, args, link, null);
	}

	/** The argument prefix that marks a message key instead of literal text. */
	public static final String MESSAGE_ARG = "msg:";

	static final int MAX_KIND = 60, MAX_KEY = 120, MAX_LINK = 500, MAX_ARGS = 10, MAX_ARGS_LENGTH = 1000;

	// One leading slash and no second one (that would be another host), no backslash, space or control character.
	private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*");

	public Notice {
		require(kind != null && !kind.isBlank() && kind.length() <= MAX_KIND, "kind must be 1 to 60 characters");
		require(messageKey != null && !messageKey.isBlank() && messageKey.length() <= MAX_KEY,
				"messageKey must be 1 to 120 characters");
		args = args == null ? List.of() : List.copyOf(args);
		require(args.size() <= MAX_ARGS, "at most 10 args");
		require(args.stream().mapToInt(String::length).sum() <= MAX_ARGS_LENGTH, "args have at most 1000 characters in all");
		require(link == null || link.length() <= MAX_LINK && SITE_PATH.matcher(link).matches(),
				"link must be a site-relative path starting with a single /");
	}

	private static void require(boolean condition, String reason) {
		if (!condition) {
			throw new IllegalArgumentException("Notice: " + reason);
		}
	}

}
