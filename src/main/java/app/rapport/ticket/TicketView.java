package app.rapport.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as pages and the API show it, with its requester, group and owner named. {@code owner} is
 * {@code null} while nobody is responsible.
 */
public record TicketView(long id, long number, String subject, TicketType type, Priority priority, TicketState state,
		Ref requester, String requesterEmail, Long organizationId, String organizationName, Ref group, Ref owner,
		String channel, List<String> tags, Map<String, String> customFields, Long mergedIntoId, Instant createdAt,
		Instant updatedAt, Instant solvedAt, Instant closedAt, long version) {
}
