package app.rapport.ticket.api;

import java.time.Instant;
import java.util.List;

import app.rapport.ticket.MessageView;
import app.rapport.ticket.Ref;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A message in the REST API; attachments carry the URL they are served at. */
record MessageJson(long id, long ticketId, String kind, @JsonProperty("public") boolean publicMessage, Ref author,
		String bodyText, String bodyHtml, Instant createdAt, List<AttachmentJson> attachments) {

	record AttachmentJson(long id, String filename, String contentType, long size, String url) {
	}

	static MessageJson of(MessageView m) {
		return new MessageJson(m.id(), m.ticketId(), m.kind().name(), m.isPublic(), m.author(), m.bodyText(),
				m.bodyHtml(), m.createdAt(),
				m.attachments()
					.stream()
					.map(a -> new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(),
							"/api/v1/tickets/" + m.ticketId() + "/attachments/" + a.id()))
					.toList());
	}

}
