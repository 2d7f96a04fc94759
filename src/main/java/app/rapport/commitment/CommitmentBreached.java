package app.rapport.commitment;

import java.time.Instant;

/** A commitment was not kept; published once, inside the detecting transaction, with the breach awaiting its reason. */
public record CommitmentBreached(long breachId, long clockId, long ticketId, Commitment commitment, int cycle,
		Instant dueAt, Long ownerId, long groupId, long planId, Instant detectedAt) {
}
