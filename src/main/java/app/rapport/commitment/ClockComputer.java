package app.rapport.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import app.rapport.ticket.TicketState;

/**
 * Computes a ticket's commitment clocks from its facts, from scratch every time: a change of plan,
 * priority, type or calendar is therefore recomputed, never patched.
 *
 * <p>The rules: first response and resolution start when the ticket opens; the first public reply meets
 * the first response and starts the first next-update cycle; every later public reply ends the running
 * cycle and starts the next one. Solving or closing stops every clock; a reopened ticket resumes its
 * resolution clock and starts a new update cycle. In a state the plan pauses for a commitment, its clock
 * stands still. Time is counted in the calendar of the plan in force at each moment, against the target
 * in force at each moment: a clock that has used more than its new, shorter target breaches at the
 * moment of the change, and a breach, once it happened, stays.
 */
final class ClockComputer {

	private ClockComputer() {
	}

	/** The clocks after {@code facts} (ordered, first one {@code OPENED}) as they stand at {@code now}. */
	static List<ClockOutcome> compute(List<ClockFact> facts, LongFunction<PlanRules> plans, Instant now) {
		if (facts.isEmpty()) {
			return List.of();
		}
		List<Instance> all = new ArrayList<>();
		Instance firstResponse = null;
		Instance resolution = null;
		Instance update = null;
		int cycles = 0;
		for (int i = 0; i < facts.size(); i++) {
			ClockFact fact = facts.get(i);
			ClockFact previous = i == 0 ? null : facts.get(i - 1);
			boolean wasActive = previous != null && previous.state().isActive();
			boolean active = fact.state().isActive();
			if (i == 0) {
				firstResponse = new Instance(Commitment.FIRST_RESPONSE, 1, fact.at());
				resolution = new Instance(Commitment.RESOLUTION, 1, fact.at());
				all.add(firstResponse);
				all.add(resolution);
			}
			else if (fact.kind() == FactKind.PUBLIC_REPLY) {
				if (firstResponse.open()) {
					firstResponse.stop(fact.at(), false);
				}
				if (update != null && update.open()) {
					update.stop(fact.at(), false);
				}
				if (active) {
					update = new Instance(Commitment.NEXT_UPDATE, ++cycles, fact.at());
					all.add(update);
				}
			}
			if (previous != null && wasActive && !active) {
				for (Instance instance : all) {
					if (instance.open()) {
						instance.stop(fact.at(), true);
					}
				}
			}
			else if (previous != null && !wasActive && active) {
				// Reopened: what solving stopped goes on; the customer is owed an update again.
				for (Instance instance : all) {
					if (!instance.open() && instance.stoppedBySolving
							&& instance.commitment != Commitment.NEXT_UPDATE) {
						instance.resume();
					}
				}
				if (!firstResponse.open()) {
					if (update != null && update.open()) {
						update.stop(fact.at(), false);
					}
					update = new Instance(Commitment.NEXT_UPDATE, ++cycles, fact.at());
					all.add(update);
				}
			}
			Instant end = i + 1 < facts.size() ? facts.get(i + 1).at() : now;
			if (end.isBefore(fact.at())) {
				end = fact.at();
			}
			PlanRules rules = plans.apply(fact.planId());
			for (Instance instance : all) {
				if (instance.open()) {
					instance.advance(fact, end, rules);
				}
			}
		}
		ClockFact last = facts.get(facts.size() - 1);
		PlanRules rules = plans.apply(last.planId());
		List<ClockOutcome> outcomes = new ArrayList<>(all.size());
		for (Instance instance : all) {
			Optional<Duration> target = rules.target(instance.commitment, last.priority(), last.type());
			if (target.isEmpty()) {
				continue;
			}
			outcomes.add(instance.outcome(last, target.get(), rules));
		}
		return outcomes;
	}

	/** One clock being followed through the facts. */
	private static final class Instance {

		final Commitment commitment;

		final int cycle;

		final Instant startedAt;

		/** Business time used up to {@link #measuredUntil}. */
		Duration consumed = Duration.ZERO;

		Instant measuredUntil;

		/** Business time used at the start of the segment being measured, and that segment's start. */
		Duration consumedAtSegmentStart = Duration.ZERO;

		Instant segmentStart;

		Instant atRiskAt;

		Instant breachedAt;

		/** When the allowed time ran out exactly at a segment's end (not yet a breach). */
		Instant reachedAt;

		Instant stoppedAt;

		/** The due instant as projected when the clock stopped. */
		Instant dueAtStop;

		boolean stoppedBySolving;

		Instance(Commitment commitment, int cycle, Instant startedAt) {
			this.commitment = commitment;
			this.cycle = cycle;
			this.startedAt = startedAt;
			this.measuredUntil = startedAt;
			this.segmentStart = startedAt;
		}

		boolean open() {
			return stoppedAt == null;
		}

		void stop(Instant at, boolean bySolving) {
			stoppedAt = at;
			stoppedBySolving = bySolving;
		}

		void resume() {
			stoppedAt = null;
			stoppedBySolving = false;
			dueAtStop = null;
		}

		/** Counts the segment from the fact to {@code end} under the fact's state, priority and plan. */
		void advance(ClockFact fact, Instant end, PlanRules rules) {
			segmentStart = fact.at();
			consumedAtSegmentStart = consumed;
			measuredUntil = end;
			Optional<Duration> found = rules.target(commitment, fact.priority(), fact.type());
			if (found.isEmpty() || rules.pauses(commitment, fact.state())) {
				return;
			}
			Duration target = found.get();
			Duration atRisk = atRiskShare(target, rules.atRiskPercent());
			BusinessTime time = rules.time();
			Duration length = time.between(fact.at(), end);
			Duration after = consumed.plus(length);
			if (atRiskAt == null) {
				if (consumed.compareTo(atRisk) >= 0) {
					atRiskAt = fact.at();
				}
				else if (after.compareTo(atRisk) >= 0) {
					atRiskAt = time.plus(fact.at(), atRisk.minus(consumed));
				}
			}
			if (breachedAt == null && after.compareTo(target) >= 0) {
				// The instant the allowed time was used up; a breach once it lies before the segment's end
				// (a reply at that very instant is in time). It may be the end of a working day while the
				// clock stays open into the night: then the next segment, or "now", makes it a breach.
				Instant reached = consumed.compareTo(target) < 0 ? time.plus(fact.at(), target.minus(consumed))
						: reachedAt != null && consumed.equals(target) ? reachedAt : fact.at();
				if (reached.isBefore(end)) {
					breachedAt = reached;
				}
				else {
					reachedAt = reached;
				}
			}
			consumed = after;
			if (stoppedAt == null || !stoppedAt.isAfter(end)) {
				// Projected due instant at the end of this segment (used when the clock stops here).
				dueAtStop = consumed.compareTo(target) >= 0 ? null : time.plus(end, target.minus(consumed));
			}
		}

		ClockOutcome outcome(ClockFact last, Duration target, PlanRules rules) {
			Duration remaining = target.minus(consumed).isNegative() ? Duration.ZERO : target.minus(consumed);
			if (!open()) {
				ClockState state = breachedAt != null ? ClockState.BREACHED : ClockState.MET;
				Instant due = breachedAt != null ? breachedAt : dueAtStop;
				return new ClockOutcome(commitment, cycle, state, last.planId(), last.priority(), target, startedAt,
						due, atRiskAt, stoppedAt, breachedAt, remaining);
			}
			if (breachedAt != null) {
				return new ClockOutcome(commitment, cycle, ClockState.BREACHED, last.planId(), last.priority(), target,
						startedAt, breachedAt, atRiskAt, null, breachedAt, Duration.ZERO);
			}
			if (rules.pauses(commitment, last.state())) {
				return new ClockOutcome(commitment, cycle, ClockState.PAUSED, last.planId(), last.priority(), target,
						startedAt, null, atRiskAt, null, null, remaining);
			}
			// Project from the start of the last segment, so the due instant does not drift with "now".
			BusinessTime time = rules.time();
			Instant from = segmentStart;
			Duration before = consumedAtSegmentStart;
			Instant due = time.plus(from, target.minus(before));
			Instant atRisk = atRiskAt;
			if (atRisk == null) {
				Duration share = atRiskShare(target, rules.atRiskPercent());
				atRisk = share.compareTo(before) <= 0 ? from : time.plus(from, share.minus(before));
			}
			return new ClockOutcome(commitment, cycle, ClockState.RUNNING, last.planId(), last.priority(), target,
					startedAt, due, atRisk, null, null, remaining);
		}

	}

	static Duration atRiskShare(Duration target, int percent) {
		return Duration.ofSeconds(target.toSeconds() * percent / 100);
	}

}
