package app.rapport.commitment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;

/** What a service plan says, as the clock computation asks it. */
interface PlanRules {

	/** The plan's working time (its calendar). */
	BusinessTime time();

	/** The calendar's zone, which decides on which day a clock counts in reports. */
	ZoneId zone();

	/** The allowed business time, or empty when the plan promises nothing of that kind for the ticket. */
	Optional<Duration> target(Commitment commitment, Priority priority, TicketType type);

	/** Share of the allowed time after which a clock is at risk, 1–99. */
	int atRiskPercent();

	/** Whether the clock stands still while the ticket is in this state. */
	boolean pauses(Commitment commitment, TicketState state);

}
