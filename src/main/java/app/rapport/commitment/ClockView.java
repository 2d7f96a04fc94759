package app.rapport.commitment;

import java.time.Instant;

/**
 * A ticket's commitment clock as the ticket page and the API show it. {@code businessMinutesLeft} is the
 * business time left before the due instant (negative once breached is not shown: 0), {@code null} when
 * the clock is stopped; while paused it is the allowed time still unused.
 */
public record ClockView(String commitment, int cycle, String state, Instant startedAt, Instant dueAt,
		Instant atRiskAt, boolean atRisk, Instant breachedAt, Instant detectedAt, Instant stoppedAt, int targetMinutes,
		Long businessMinutesLeft, long planId) {
}
