package app.rapport.customer;

import java.time.Instant;

/** A logged call, visit, meeting or note: what was said, how long it took, when (default: now). */
public record Interaction(String kind, String summary, Integer durationMinutes, Instant occurredAt) {
}
