package app.rapport.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation. {@code bodyHtml} is already sanitized (or {@code null} for plain text);
 * {@code author} is the agent or the contact who wrote it.
 */
public record MessageView(long id, long ticketId, MessageKind kind, Ref author, String bodyText, String bodyHtml,
		Instant createdAt, List<AttachmentView> attachments) {

	public boolean isPublic() {
		return kind != MessageKind.INTERNAL_NOTE;
	}

}
