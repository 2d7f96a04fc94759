package app.rapport.ticket;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.audit.AuditRecord;
import app.rapport.customer.ContactSummary;

/**
 * What the ticket page shows: the ticket, its conversation, links, the customer panel (the requester,
 * {@code null} if gone, and their other recent tickets), the audit history with actor names, and the
 * states the ticket may move to next.
 */
public record TicketDetails(TicketView ticket, List<MessageView> messages, List<LinkView> links,
		ContactSummary requester, List<TicketView> recentTickets, List<AuditRecord> history,
		Map<Long, String> actorNames, Set<TicketState> nextStates) {
}
