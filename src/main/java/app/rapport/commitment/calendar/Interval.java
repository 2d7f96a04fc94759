package app.rapport.commitment.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of working time, {@code start} inclusive and {@code end} exclusive. */
public record Interval(Instant start, Instant end) {

	public Interval {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("An interval must end after it starts: " + start + " to " + end);
		}
	}

	public Duration length() {
		return Duration.between(start, end);
	}

}
