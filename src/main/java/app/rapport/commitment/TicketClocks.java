package app.rapport.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.rapport.identity.CurrentUser;
import app.rapport.ticket.TicketService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clocks of one ticket, for a user who may see the ticket. */
@Service
@Transactional(readOnly = true)
public class TicketClocks {

	private final CommitmentClockRepository clocks;

	private final TicketService tickets;

	private final PlanBook book;

	private final Clock clock;

	TicketClocks(CommitmentClockRepository clocks, TicketService tickets, PlanBook book, Clock clock) {
		this.clocks = clocks;
		this.tickets = tickets;
		this.book = book;
		this.clock = clock;
	}

	/** Every clock of the ticket, first response first, update cycles in order; 404 if the user may not see it. */
	public List<ClockView> of(long ticketId, CurrentUser me) {
		tickets.get(ticketId, me);
		Instant now = clock.instant();
		return clocks.forTicket(ticketId).stream().map(c -> view(c, now)).toList();
	}

	ClockView view(CommitmentClock c, Instant now) {
		Long left = null;
		if (c.state == ClockState.RUNNING && c.dueAt != null) {
			PlanRules rules = book.rules(c.planId);
			left = now.isBefore(c.dueAt) ? rules.time().between(now, c.dueAt).toMinutes() : 0L;
		}
		else if (c.state == ClockState.PAUSED && c.remainingSeconds != null) {
			left = c.remainingSeconds / 60;
		}
		else if (c.state == ClockState.BREACHED && c.stoppedAt == null) {
			left = 0L;
		}
		boolean atRisk = c.state == ClockState.RUNNING && c.atRiskAt != null && !c.atRiskAt.isAfter(now);
		return new ClockView(c.commitment.key(), c.cycle, c.state.key(), c.startedAt, c.dueAt, c.atRiskAt, atRisk,
				c.breachedAt, c.detectedAt, c.stoppedAt, c.targetMinutes, left, c.planId);
	}

}
