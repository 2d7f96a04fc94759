package app.rapport.ticket;

import app.rapport.customer.ContactsMerged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** When two contacts are merged, the tickets of the merged-away contact move to the surviving one. */
@Component
class ContactsMergedListener {

	private final TicketService tickets;

	ContactsMergedListener(TicketService tickets) {
		this.tickets = tickets;
	}

	@EventListener
	@Transactional
	void on(ContactsMerged merged) {
		tickets.moveRequester(merged.sourceId(), merged.targetId(), merged.actorUserId());
	}

}
