package app.rapport.ticket;

import java.time.Instant;

/** A ticket's heading as lists of hits show it: number, subject, state and priority, as stored now. */
@org.springframework.modulith.NamedInterface("api")
public record TicketSummary(long id, long number, String subject, TicketState state, Priority priority,
		Instant createdAt, Instant updatedAt) {
}
