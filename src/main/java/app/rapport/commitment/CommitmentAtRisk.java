package app.rapport.commitment;

import java.time.Instant;

/** A commitment clock passed its plan's at-risk share of the allowed time; published once, inside the detecting transaction. */
public record CommitmentAtRisk(long clockId, long ticketId, Commitment commitment, int cycle, Instant dueAt,
		Long ownerId, long groupId, long planId, Instant detectedAt) {
}
