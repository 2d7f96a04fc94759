package app.rapport.commitment;

import java.time.Duration;
import java.time.Instant;

import app.rapport.ticket.Priority;

/**
 * One computed clock: {@code dueAt} is the projected due instant while running, the breach instant once
 * breached, the due instant it beat when met, and {@code null} while paused ({@code remaining} then says
 * how much allowed time is left).
 */
record ClockOutcome(Commitment commitment, int cycle, ClockState state, long planId, Priority priority,
		Duration target, Instant startedAt, Instant dueAt, Instant atRiskAt, Instant stoppedAt, Instant breachedAt,
		Duration remaining) {
}
