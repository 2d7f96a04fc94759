package app.rapport.ticket;

import java.util.List;
import java.util.Map;

/**
 * Changes to a ticket's fields; {@code null} means "leave as it is". The owner is only touched when
 * {@code changeOwner} is set ({@code ownerId == null} then removes the owner). {@code expectedVersion},
 * when given, must match the ticket's version or the change is refused as a conflict.
 */
public record TicketChanges(Long expectedVersion, TicketState state, Priority priority, TicketType type,
		boolean changeOwner, Long ownerId, Long groupId, List<String> tags, String subject,
		Map<String, String> customFields) {

	public static TicketChanges none(Long expectedVersion) {
		return new TicketChanges(expectedVersion, null, null, null, false, null, null, null, null, null);
	}

	public TicketChanges withState(TicketState next) {
		return new TicketChanges(expectedVersion, next, priority, type, changeOwner, ownerId, groupId, tags, subject,
				customFields);
	}

}
