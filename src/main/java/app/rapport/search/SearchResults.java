package app.rapport.search;

import java.time.Instant;
import java.util.List;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;

/** The answer to a search: the best tickets, contacts and organizations, each with its total. */
public record SearchResults(String query, int limit, Hits<TicketHit> tickets, Hits<ContactHit> contacts,
		Hits<OrganizationHit> organizations) {

	/** True when nothing of any kind matched. */
	public boolean isEmpty() {
		return tickets.total() == 0 && contacts.total() == 0 && organizations.total() == 0;
	}

	/**
	 * Up to {@code limit} hits of one kind, best first. {@code total} counts all matches exactly up to
	 * {@link SearchService#EXACT_TOTAL_UP_TO}; beyond that it is a lower bound and {@code totalExact} is false.
	 * For tickets matching in more than 5,000 documents it is a lower bound too, not exact (see
	 * {@code SearchService.COUNTED_DOCUMENTS_UP_TO}).
	 */
	public record Hits<T>(List<T> items, long total, boolean totalExact) {
	}

	/** A ticket the caller may see. */
	public record TicketHit(long id, long number, String subject, TicketState state, Priority priority,
			Instant createdAt, Instant updatedAt) {
	}

	/** A contact that has not been merged into another. */
	public record ContactHit(long id, String name, String latinName, String email, Long organizationId,
			String organizationName) {
	}

	/** An organization. */
	public record OrganizationHit(long id, String name, String latinName, String domain) {
	}

}
