package app.rapport.notification;

import java.time.Instant;
import java.util.List;

/**
 * A stored notice as its recipient sees it.
 *
 * @param text the notice rendered in the recipient's language; never {@code null}
 * @param link a site-relative path, or {@code null} when the notice points nowhere
 * @param readAt when the recipient marked it read, or {@code null} while it is unread
 */
public record NotificationView(long id, String kind, String messageKey, List<String> args, String text, String link,
		Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

}
