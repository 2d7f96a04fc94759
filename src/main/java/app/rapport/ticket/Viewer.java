package app.rapport.ticket;

import java.util.Set;

/** Who is looking at tickets, reduced to what visibility needs: agents see their groups' and their own. */
record Viewer(long userId, boolean seesAll, Set<Long> groupIds) {

	boolean canSee(Ticket ticket) {
		return seesAll || groupIds.contains(ticket.getGroupId())
				|| (ticket.getOwnerId() != null && ticket.getOwnerId() == userId);
	}

}
