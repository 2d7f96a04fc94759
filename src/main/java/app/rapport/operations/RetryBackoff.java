package app.rapport.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed reaction is tried again: {@code first} after the first failure, twice as long after each
 * further one, never longer than {@code max}.
 */
record RetryBackoff(Duration first, Duration max) {

	RetryBackoff {
		if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("Retry delays: first must be positive and max at least first");
		}
	}

	/** The delay before the next try, after {@code attempts} resubmissions so far. */
	Duration delayAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts, 0), 30);
		Duration delay = first.multipliedBy(1L << doublings);
		return delay.compareTo(max) > 0 ? max : delay;
	}

	/** When it is tried next: counted from the last try, or from the publication when never resubmitted. */
	Instant nextAttempt(Instant published, Instant lastResubmitted, int attempts) {
		return (lastResubmitted != null ? lastResubmitted : published).plus(delayAfter(attempts));
	}

	boolean isDue(Instant published, Instant lastResubmitted, int attempts, Instant now) {
		return !nextAttempt(published, lastResubmitted, attempts).isAfter(now);
	}

}
