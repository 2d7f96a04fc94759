package app.rapport.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock rules, round the clock so that every expected instant is easy to check by hand. */
class ClockComputerTests {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	/** First response 60 min, next update 120 min, resolution 480 min for NORMAL; URGENT halves them. */
	static final PlanRules PLAN = rules(Set.of(Commitment.FIRST_RESPONSE, Commitment.NEXT_UPDATE, Commitment.RESOLUTION),
			Set.of(Commitment.RESOLUTION));

	static PlanRules rules(Set<Commitment> pendingPauses, Set<Commitment> onHoldPauses) {
		return new PlanRules() {
			@Override
			public BusinessTime time() {
				return BusinessTime.ROUND_THE_CLOCK;
			}

			@Override
			public ZoneId zone() {
				return ZoneId.of("UTC");
			}

			@Override
			public Optional<Duration> target(Commitment c, Priority p, TicketType t) {
				Map<Commitment, Integer> minutes = Map.of(Commitment.FIRST_RESPONSE, 60, Commitment.NEXT_UPDATE, 120,
						Commitment.RESOLUTION, 480);
				int m = minutes.get(c);
				return Optional.of(Duration.ofMinutes(p == Priority.URGENT ? m / 2 : m));
			}

			@Override
			public int atRiskPercent() {
				return 80;
			}

			@Override
			public boolean pauses(Commitment c, TicketState s) {
				return s == TicketState.PENDING_CUSTOMER ? pendingPauses.contains(c)
						: s == TicketState.ON_HOLD && onHoldPauses.contains(c);
			}
		};
	}

	private final List<ClockFact> facts = new ArrayList<>();

	private ClockFact fact(int minute, FactKind kind, TicketState state) {
		return fact(minute, kind, state, Priority.NORMAL, 1);
	}

	private ClockFact fact(int minute, FactKind kind, TicketState state, Priority priority, long plan) {
		ClockFact f = new ClockFact(T0.plusSeconds(minute * 60L), kind, state, priority, TicketType.QUESTION, plan);
		facts.add(f);
		return f;
	}

	private List<ClockOutcome> at(int minute) {
		return ClockComputer.compute(facts, id -> PLAN, T0.plusSeconds(minute * 60L));
	}

	private static ClockOutcome clock(List<ClockOutcome> all, Commitment c, int cycle) {
		return all.stream().filter(o -> o.commitment() == c && o.cycle() == cycle).findFirst().orElseThrow();
	}

	private static Instant min(int minute) {
		return T0.plusSeconds(minute * 60L);
	}

	@Test
	void aNewTicketRunsFirstResponseAndResolution() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		List<ClockOutcome> clocks = at(10);
		assertThat(clocks).extracting(ClockOutcome::commitment)
			.containsExactly(Commitment.FIRST_RESPONSE, Commitment.RESOLUTION);
		ClockOutcome first = clock(clocks, Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.RUNNING);
		assertThat(first.dueAt()).isEqualTo(min(60));
		assertThat(first.atRiskAt()).isEqualTo(min(48));
		assertThat(clock(clocks, Commitment.RESOLUTION, 1).dueAt()).isEqualTo(min(480));
	}

	@Test
	void aPublicReplyMeetsFirstResponseAndStartsUpdateCycles() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(30, FactKind.PUBLIC_REPLY, TicketState.OPEN);
		fact(100, FactKind.PUBLIC_REPLY, TicketState.OPEN);
		List<ClockOutcome> clocks = at(110);
		ClockOutcome first = clock(clocks, Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.MET);
		assertThat(first.stoppedAt()).isEqualTo(min(30));
		assertThat(first.dueAt()).isEqualTo(min(60));
		assertThat(clock(clocks, Commitment.NEXT_UPDATE, 1).state()).isEqualTo(ClockState.MET);
		ClockOutcome second = clock(clocks, Commitment.NEXT_UPDATE, 2);
		assertThat(second.state()).isEqualTo(ClockState.RUNNING);
		assertThat(second.dueAt()).isEqualTo(min(220));
	}

	@Test
	void aLateReplyLeavesTheFirstResponseBreachedAtItsDueInstant() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(75, FactKind.PUBLIC_REPLY, TicketState.OPEN);
		ClockOutcome first = clock(at(80), Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.BREACHED);
		assertThat(first.breachedAt()).isEqualTo(min(60));
		assertThat(first.stoppedAt()).isEqualTo(min(75));
	}

	@Test
	void aRunningClockPastItsDueIsBreachedAtTheDueInstant() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		assertThat(clock(at(59), Commitment.FIRST_RESPONSE, 1).state()).isEqualTo(ClockState.RUNNING);
		assertThat(clock(at(60), Commitment.FIRST_RESPONSE, 1).state()).isEqualTo(ClockState.RUNNING);
		ClockOutcome late = clock(at(61), Commitment.FIRST_RESPONSE, 1);
		assertThat(late.state()).isEqualTo(ClockState.BREACHED);
		assertThat(late.breachedAt()).isEqualTo(min(60));
	}

	@Test
	void pendingCustomerPausesAndTheCustomersReplyResumes() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(20, FactKind.PUBLIC_REPLY, TicketState.PENDING_CUSTOMER);
		List<ClockOutcome> paused = at(200);
		ClockOutcome resolution = clock(paused, Commitment.RESOLUTION, 1);
		assertThat(resolution.state()).isEqualTo(ClockState.PAUSED);
		assertThat(resolution.remaining()).isEqualTo(Duration.ofMinutes(460));
		assertThat(resolution.dueAt()).isNull();
		assertThat(clock(paused, Commitment.NEXT_UPDATE, 1).state()).isEqualTo(ClockState.PAUSED);
		fact(500, FactKind.CUSTOMER_MESSAGE, TicketState.OPEN);
		List<ClockOutcome> resumed = at(510);
		assertThat(clock(resumed, Commitment.RESOLUTION, 1).dueAt()).isEqualTo(min(960));
		assertThat(clock(resumed, Commitment.NEXT_UPDATE, 1).dueAt()).isEqualTo(min(620));
	}

	@Test
	void onHoldPausesOnlyResolutionByDefault() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(10, FactKind.PUBLIC_REPLY, TicketState.OPEN);
		fact(20, FactKind.CHANGED, TicketState.ON_HOLD);
		List<ClockOutcome> clocks = at(100);
		assertThat(clock(clocks, Commitment.RESOLUTION, 1).state()).isEqualTo(ClockState.PAUSED);
		assertThat(clock(clocks, Commitment.NEXT_UPDATE, 1).state()).isEqualTo(ClockState.RUNNING);
		assertThat(clock(clocks, Commitment.NEXT_UPDATE, 1).dueAt()).isEqualTo(min(130));
	}

	@Test
	void solvingStopsEverythingAndReopeningResumesResolutionWithANewUpdateCycle() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(10, FactKind.PUBLIC_REPLY, TicketState.SOLVED);
		List<ClockOutcome> solved = at(300);
		assertThat(clock(solved, Commitment.RESOLUTION, 1).state()).isEqualTo(ClockState.MET);
		assertThat(clock(solved, Commitment.RESOLUTION, 1).stoppedAt()).isEqualTo(min(10));
		assertThat(solved).noneMatch(o -> o.commitment() == Commitment.NEXT_UPDATE);
		fact(300, FactKind.CUSTOMER_MESSAGE, TicketState.OPEN);
		List<ClockOutcome> reopened = at(310);
		ClockOutcome resolution = clock(reopened, Commitment.RESOLUTION, 1);
		assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
		assertThat(resolution.dueAt()).isEqualTo(min(300 + 470));
		assertThat(clock(reopened, Commitment.NEXT_UPDATE, 1).dueAt()).isEqualTo(min(420));
		assertThat(clock(reopened, Commitment.FIRST_RESPONSE, 1).state()).isEqualTo(ClockState.MET);
	}

	@Test
	void raisingThePriorityShortensTheTargetFromThatMomentAndCanBreachAtOnce() {
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(20, FactKind.CHANGED, TicketState.NEW, Priority.URGENT, 1);
		assertThat(clock(at(21), Commitment.FIRST_RESPONSE, 1).dueAt()).isEqualTo(min(30));
		facts.clear();
		fact(0, FactKind.OPENED, TicketState.NEW);
		fact(40, FactKind.CHANGED, TicketState.NEW, Priority.URGENT, 1);
		ClockOutcome first = clock(at(41), Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.BREACHED);
		assertThat(first.breachedAt()).isEqualTo(min(40));
	}

	@Test
	void aBreachStaysWhenThePriorityIsLoweredAfterwards() {
		fact(0, FactKind.OPENED, TicketState.NEW, Priority.URGENT, 1);
		fact(40, FactKind.CHANGED, TicketState.NEW, Priority.NORMAL, 1);
		ClockOutcome first = clock(at(45), Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.BREACHED);
		assertThat(first.breachedAt()).isEqualTo(min(30));
	}

	@Test
	void thePlanInForceCountsEachStretchInItsOwnCalendar() {
		PlanRules halfSpeed = new PlanRules() {
			@Override
			public BusinessTime time() {
				// Only every second minute counts: a calendar with half the working time.
				return new BusinessTime() {
					@Override
					public Instant plus(Instant from, Duration d) {
						return from.plus(d.multipliedBy(2));
					}

					@Override
					public Duration between(Instant from, Instant to) {
						return to.isAfter(from) ? Duration.between(from, to).dividedBy(2) : Duration.ZERO;
					}
				};
			}

			@Override
			public ZoneId zone() {
				return ZoneId.of("UTC");
			}

			@Override
			public Optional<Duration> target(Commitment c, Priority p, TicketType t) {
				return PLAN.target(c, p, t);
			}

			@Override
			public int atRiskPercent() {
				return 80;
			}

			@Override
			public boolean pauses(Commitment c, TicketState s) {
				return PLAN.pauses(c, s);
			}
		};
		fact(0, FactKind.OPENED, TicketState.NEW, Priority.NORMAL, 1);
		fact(20, FactKind.PLAN_CHANGED, TicketState.NEW, Priority.NORMAL, 2);
		List<ClockOutcome> clocks = ClockComputer.compute(facts, id -> id == 1 ? PLAN : halfSpeed, min(25));
		ClockOutcome first = clock(clocks, Commitment.FIRST_RESPONSE, 1);
		// 20 minutes used under plan 1; the other 40 take 80 wall minutes under plan 2.
		assertThat(first.dueAt()).isEqualTo(min(100));
		assertThat(first.planId()).isEqualTo(2);
	}

	/** Mon–Fri 09:00–18:00 UTC, first response in 8 working hours. */
	static PlanRules officeHours() {
		Map<java.time.DayOfWeek, List<app.rapport.commitment.calendar.WorkingPeriod>> hours = new java.util.EnumMap<>(
				java.time.DayOfWeek.class);
		for (java.time.DayOfWeek d : List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
				java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)) {
			hours.put(d, List.of(app.rapport.commitment.calendar.WorkingPeriod.parse("09:00", "18:00")));
		}
		BusinessTime office = BusinessTime.of(
				app.rapport.commitment.calendar.BusinessCalendar.of(ZoneId.of("UTC"), hours, List.of()));
		return new PlanRules() {
			@Override
			public BusinessTime time() {
				return office;
			}

			@Override
			public ZoneId zone() {
				return ZoneId.of("UTC");
			}

			@Override
			public Optional<Duration> target(Commitment c, Priority p, TicketType t) {
				return Optional.of(Duration.ofMinutes(480));
			}

			@Override
			public int atRiskPercent() {
				return 80;
			}

			@Override
			public boolean pauses(Commitment c, TicketState s) {
				return false;
			}
		};
	}

	@Test
	void aClockRunningOutAtTheEndOfTheWorkingDayIsBreachedThatEveningNotTheNextMorning() {
		// Monday 2 March 2026, 10:00 UTC: eight working hours end at 18:00 the same day.
		facts.add(new ClockFact(T0.plusSeconds(3600), FactKind.OPENED, TicketState.NEW, Priority.NORMAL,
				TicketType.QUESTION, 1));
		Instant sixPm = Instant.parse("2026-03-02T18:00:00Z");
		ClockOutcome atSix = clock(ClockComputer.compute(facts, id -> officeHours(), sixPm), Commitment.FIRST_RESPONSE, 1);
		assertThat(atSix.state()).isEqualTo(ClockState.RUNNING);
		assertThat(atSix.dueAt()).isEqualTo(sixPm);
		ClockOutcome evening = clock(ClockComputer.compute(facts, id -> officeHours(), sixPm.plusSeconds(7200)),
				Commitment.FIRST_RESPONSE, 1);
		assertThat(evening.state()).isEqualTo(ClockState.BREACHED);
		assertThat(evening.breachedAt()).isEqualTo(sixPm);
		// A change in the evening does not move the breach to the evening.
		facts.add(new ClockFact(sixPm.plusSeconds(3600), FactKind.CHANGED, TicketState.OPEN, Priority.NORMAL,
				TicketType.QUESTION, 1));
		ClockOutcome later = clock(ClockComputer.compute(facts, id -> officeHours(), sixPm.plusSeconds(7200)),
				Commitment.FIRST_RESPONSE, 1);
		assertThat(later.breachedAt()).isEqualTo(sixPm);
	}

	@Test
	void aReplyAtTheDueInstantIsInTime() {
		facts.add(new ClockFact(T0.plusSeconds(3600), FactKind.OPENED, TicketState.NEW, Priority.NORMAL,
				TicketType.QUESTION, 1));
		Instant sixPm = Instant.parse("2026-03-02T18:00:00Z");
		facts.add(new ClockFact(sixPm, FactKind.PUBLIC_REPLY, TicketState.OPEN, Priority.NORMAL, TicketType.QUESTION, 1));
		ClockOutcome first = clock(ClockComputer.compute(facts, id -> officeHours(), sixPm.plusSeconds(60)),
				Commitment.FIRST_RESPONSE, 1);
		assertThat(first.state()).isEqualTo(ClockState.MET);
	}

	@Test
	void noFactsNoClocks() {
		assertThat(ClockComputer.compute(List.of(), id -> PLAN, T0)).isEmpty();
	}

}
