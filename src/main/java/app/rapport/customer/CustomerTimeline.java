package app.rapport.customer;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records ticket events on a contact's (and their organization's) timeline and keeps each entry's copy of
 * the ticket's group and owner current, so that timelines show a ticket only to those who may see it.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class CustomerTimeline {

	private final TimelineEntryRepository entries;

	private final ContactRepository contacts;

	CustomerTimeline(TimelineEntryRepository entries, ContactRepository contacts) {
		this.entries = entries;
		this.contacts = contacts;
	}

	/** Adds an entry about the ticket to the contact's timeline (and their organization's); joins the caller's transaction. */
	public void record(long contactId, TimelineKind kind, String summary, TicketAccess ticket, Long actorUserId,
			Instant occurredAt) {
		Long organizationId = contacts.findById(contactId).map(Contact::getOrganizationId).orElse(null);
		entries.save(new TimelineEntry(contactId, organizationId, kind, summary, ticket, null, actorUserId, occurredAt));
	}

	/**
	 * The ticket now belongs to this group and owner: every timeline entry about it follows, in the caller's
	 * transaction. Must be called on every change of a ticket's group or owner.
	 */
	public void ticketAccessChanged(TicketAccess ticket) {
		entries.updateTicketAccess(ticket.ticketId(), ticket.groupId(), ticket.ownerId());
	}

}
