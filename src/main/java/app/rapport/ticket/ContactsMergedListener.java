package app.rapport.ticket;

import app.rapport.customer.ContactsMerged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two contacts are merged, the tickets of the merged-away contact move to the surviving one: after the
 * merge committed, retried until done; moving again finds nothing left to move.
 */
@Component
class ContactsMergedListener {

	private final TicketService tickets;

	ContactsMergedListener(TicketService tickets) {
		this.tickets = tickets;
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		tickets.moveRequester(merged.sourceId(), merged.targetId(), merged.actorUserId());
	}

}
