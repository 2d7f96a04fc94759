package app.rapport.commitment;

import java.time.Instant;

/** A breach with its ticket, owner, group and plan named, and its reason if it has one. */
public record BreachView(long id, long ticketId, String ticketSubject, String commitment, Instant dueAt,
		Instant detectedAt, Long ownerId, String ownerName, long groupId, String groupName, long planId,
		String planName, String priority, String reasonKey, String reasonName, String note, Long explainedBy,
		Instant explainedAt, long ageDays, long version) {
}
