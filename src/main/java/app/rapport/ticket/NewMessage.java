package app.rapport.ticket;

import java.util.List;

/**
 * A message to add: a public reply, an internal note, or a customer message (written down by an agent or
 * received by a channel). {@code stateAfter}, when not {@code null}, moves the ticket on in the same step.
 */
public record NewMessage(MessageKind kind, String body, boolean html, List<Upload> uploads, TicketState stateAfter) {

	public NewMessage {
		uploads = uploads == null ? List.of() : uploads;
	}

}
