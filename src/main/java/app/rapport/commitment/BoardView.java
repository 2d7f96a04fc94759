package app.rapport.commitment;

import java.time.Instant;
import java.util.List;

/**
 * The punctuality board at one instant: the running, paused and breached-but-open commitments soonest due
 * first, and how many there are of each.
 */
public record BoardView(Instant at, List<Row> rows, long running, long atRisk, long paused, long breached,
		boolean truncated) {

	/** One open commitment. */
	public record Row(long clockId, long ticketId, String subject, String commitment, String state, boolean atRisk,
			Instant dueAt, Long businessMinutesLeft, Long ownerId, String ownerName, long groupId, String groupName,
			long planId, String planName, long requesterId, String customerName, String priority) {
	}

}
