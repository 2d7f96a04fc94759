package app.rapport.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.rapport.commitment.calendar.BusinessCalendar;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every plan's rules with its calendar, read at once (plans and calendars are few) and kept for a few
 * seconds: clock computations then need no query for them. A change on this node drops the copy at once;
 * another node sees it within {@link #MAX_AGE}.
 */
@Component
class PlanBook {

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private final ServicePlanRepository plans;

	private final WorkCalendarRepository calendars;

	private final Clock clock;

	private final TransactionTemplate tx;

	private volatile Snapshot snapshot;

	PlanBook(ServicePlanRepository plans, WorkCalendarRepository calendars, Clock clock, TransactionTemplate tx) {
		this.plans = plans;
		this.calendars = calendars;
		this.clock = clock;
		this.tx = tx;
	}

	/** The rules of a plan; an unknown id (a deleted plan) counts nothing. */
	PlanRules rules(long planId) {
		return current().rules.getOrDefault(planId, Rules.NONE);
	}

	BusinessCalendar calendar(long calendarId) {
		BusinessCalendar calendar = current().calendars.get(calendarId);
		if (calendar == null) {
			throw new IllegalStateException("no calendar " + calendarId);
		}
		return calendar;
	}

	void forget() {
		snapshot = null;
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s == null || s.readAt.plus(MAX_AGE).isBefore(now) || s.readAt.isAfter(now)) {
			s = tx.execute(status -> load(now));
			snapshot = s;
		}
		return s;
	}

	private Snapshot load(Instant now) {
		Map<Long, BusinessCalendar> byId = new HashMap<>();
		Map<Long, ZoneId> zones = new HashMap<>();
		for (WorkCalendar c : calendars.findAll()) {
			byId.put(c.id, c.toBusinessCalendar());
			zones.put(c.id, c.zone());
		}
		Map<Long, PlanRules> rules = new HashMap<>();
		for (ServicePlan p : plans.findAll()) {
			BusinessCalendar calendar = byId.get(p.calendarId);
			rules.put(p.id, new Rules(BusinessTime.of(calendar), zones.get(p.calendarId), List.copyOf(p.targets),
					p.atRiskPercent, p.pendingPauseSet(), p.onHoldPauseSet()));
		}
		return new Snapshot(now, Map.copyOf(byId), Map.copyOf(rules));
	}

	private record Snapshot(Instant readAt, Map<Long, BusinessCalendar> calendars, Map<Long, PlanRules> rules) {
	}

	/** A plan's rules, detached from the persistence context. */
	record Rules(BusinessTime time, ZoneId zone, List<PlanTarget> targets, int atRiskPercent,
			Set<Commitment> pendingPauses, Set<Commitment> onHoldPauses) implements PlanRules {

		static final Rules NONE = new Rules(BusinessTime.ROUND_THE_CLOCK, ZoneId.of("UTC"), List.of(), 80, Set.of(),
				Set.of());

		@Override
		public Optional<Duration> target(Commitment commitment, Priority priority, TicketType type) {
			PlanTarget general = null;
			for (PlanTarget t : targets) {
				if (t.priority == priority) {
					if (t.ticketType == type && t.minutes(commitment) != null) {
						return Optional.of(Duration.ofMinutes(t.minutes(commitment)));
					}
					if (t.ticketType == null) {
						general = t;
					}
				}
			}
			return general == null || general.minutes(commitment) == null ? Optional.empty()
					: Optional.of(Duration.ofMinutes(general.minutes(commitment)));
		}

		@Override
		public boolean pauses(Commitment commitment, TicketState state) {
			return switch (state) {
				case PENDING_CUSTOMER -> pendingPauses.contains(commitment);
				case ON_HOLD -> onHoldPauses.contains(commitment);
				default -> false;
			};
		}

	}

}
