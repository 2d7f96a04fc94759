package app.rapport.ticket;

import java.util.Set;

/**
 * Filters for a ticket list; {@code null} filters are not applied. Without a state filter, the working
 * queues (mine, groups, unassigned) show active tickets only.
 */
public record TicketQuery(Queue queue, Set<TicketState> states, TicketType type, Priority priority, Long groupId,
		Long ownerId, String tag, Long requesterId, Sort sort, boolean ascending) {

	/** What a list can be ordered by. */
	public enum Sort {

		UPDATED, CREATED, PRIORITY

	}

	public static TicketQuery of(Queue queue) {
		return new TicketQuery(queue, null, null, null, null, null, null, null, Sort.UPDATED, false);
	}

}
