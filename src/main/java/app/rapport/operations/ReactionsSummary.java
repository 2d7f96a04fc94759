package app.rapport.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * How much event-driven work is outstanding: all incomplete reactions, the failed ones among them, and the
 * publication time of the oldest.
 */
public record ReactionsSummary(long incomplete, long failed, Instant oldestPublishedAt) {

	/** How long the oldest has waited, or zero when nothing is outstanding. */
	public Duration oldestAge(Instant now) {
		return oldestPublishedAt == null || oldestPublishedAt.isAfter(now) ? Duration.ZERO
				: Duration.between(oldestPublishedAt, now);
	}

}
