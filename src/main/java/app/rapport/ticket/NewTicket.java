package app.rapport.ticket;

import java.util.List;
import java.util.Map;

import app.rapport.customer.Channel;

/**
 * What it takes to open a ticket. The requester is given by contact id or by e-mail (a new contact is
 * created for an unknown address); {@code null} type, priority, group and channel take the defaults.
 */
public record NewTicket(String subject, String body, boolean html, TicketType type, Priority priority,
		Long requesterId, String requesterEmail, String requesterName, Long groupId, Channel channel,
		List<String> tags, Map<String, String> customFields) {

	public NewTicket {
		tags = tags == null ? List.of() : tags;
		customFields = customFields == null ? Map.of() : customFields;
	}

}
