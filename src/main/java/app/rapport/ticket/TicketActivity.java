package app.rapport.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to a ticket that other modules may keep time by: published inside the ticket's
 * transaction, carrying the ticket as it stands after the change. It is stored in the event publication
 * registry with that transaction and delivered to other modules' listeners after the commit, in their own
 * transactions, retried until they succeed: a listener must be idempotent (the {@code id} tells a
 * redelivery) and must not assume it sees activities of one ticket in order ({@code at} tells).
 */
@org.springframework.modulith.NamedInterface("api")
public record TicketActivity(UUID id, Kind kind, Instant at, long ticketId, String subject, TicketType type, Priority priority,
		TicketState state, long requesterId, Long organizationId, long groupId, Long ownerId) {

	/** What happened. */
	public enum Kind {

		/** The ticket was opened with the requester's first message. */
		OPENED,
		/** The requester wrote (by a channel, or taken down by an agent). */
		CUSTOMER_MESSAGE,
		/** An agent answered the requester publicly. */
		PUBLIC_REPLY,
		/** State, priority, type, group, owner, requester or subject changed. */
		CHANGED

	}

	static TicketActivity of(Kind kind, Ticket t, Instant at) {
		return new TicketActivity(UUID.randomUUID(), kind, at, t.getId(), t.getSubject(), t.getType(), t.getPriority(), t.getState(),
				t.getRequesterId(), t.getOrganizationId(), t.getGroupId(), t.getOwnerId());
	}

}
