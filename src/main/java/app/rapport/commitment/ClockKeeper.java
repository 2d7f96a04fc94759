package app.rapport.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.rapport.ticket.TicketActivity;
import app.rapport.ticket.TicketState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the facts of every ticket and its clocks: each ticket event is stored as a fact, after the ticket's
 * transaction committed, and the ticket's clocks are computed again from all its facts.
 */
@Service
class ClockKeeper {

	private static final Logger log = LoggerFactory.getLogger(ClockKeeper.class);

	static final int BATCH = 500;

	private final TrackedTicketRepository tracked;

	private final TicketFactRepository facts;

	private final CommitmentClockRepository clocks;

	private final PlanBook book;

	private final PlanChooser chooser;

	private final Clock clock;

	private final BreachRepository breaches;

	ClockKeeper(TrackedTicketRepository tracked, TicketFactRepository facts, CommitmentClockRepository clocks,
			PlanBook book, PlanChooser chooser, Clock clock, BreachRepository breaches) {
		this.breaches = breaches;
		this.tracked = tracked;
		this.facts = facts;
		this.clocks = clocks;
		this.book = book;
		this.chooser = chooser;
		this.clock = clock;
	}

	/**
	 * Stores the activity as a fact and computes the ticket's clocks again, after the ticket's transaction
	 * committed, in a transaction of its own: a failure here never undoes the ticket, and the registry
	 * delivers the activity again. A redelivered activity adds nothing; one delivered late is still a fact
	 * in its place in time but does not overwrite the newer state of the ticket's copy. The ticket's copy
	 * is locked, so that two activities of one ticket are applied one after the other.
	 */
	@ApplicationModuleListener
	void on(TicketActivity activity) {
		if (activity.id() != null && facts.existsByEventId(activity.id())) {
			return;
		}
		TrackedTicket ticket = tracked.findForUpdate(activity.ticketId()).orElse(null);
		FactKind kind = FactKind.valueOf(activity.kind().name());
		if (kind == FactKind.OPENED) {
			if (ticket != null) {
				// Already adopted from the ticket's stored history (start-up backfill) before this was delivered.
				return;
			}
			ticket = tracked.save(new TrackedTicket(activity,
					chooser.planFor(activity.requesterId(), activity.organizationId())));
		}
		else {
			if (ticket == null) {
				ticket = awaitOpening(activity.ticketId());
			}
			if (ticket == null) {
				// Still unknown (a ticket older than commitments, before the backfill adopted it): failing leaves
				// it to the registry's retry, when the ticket is known.
				throw new IllegalStateException("Ticket " + activity.ticketId() + " has no clocks yet; "
						+ activity.kind() + " is tried again later");
			}
			ticket.update(activity);
		}
		facts.save(new TicketFact(ticket.ticketId, activity.at(), kind, activity.state(), activity.priority(),
				activity.type(), ticket.planId, activity.id()));
		recompute(List.of(ticket), clock.instant());
	}

	/**
	 * An activity that follows its ticket's opening within milliseconds (an owner set right after creation)
	 * may be delivered on another reaction thread before the opening has committed: wait a moment for it
	 * instead of failing, so that the change is not a retry (a second and more) late. Each look is a new
	 * read of the row (read committed).
	 */
	private TrackedTicket awaitOpening(long ticketId) {
		for (int i = 0; i < OPENING_WAIT_STEPS; i++) {
			try {
				Thread.sleep(OPENING_WAIT_STEP_MS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			TrackedTicket ticket = tracked.findForUpdate(ticketId).orElse(null);
			if (ticket != null) {
				return ticket;
			}
		}
		return null;
	}

	static final int OPENING_WAIT_STEPS = 100;

	static final long OPENING_WAIT_STEP_MS = 20;

	/** Puts open tickets of a customer on another plan from {@code at} on; joins the caller's transaction. */
	void changePlan(Collection<TrackedTicket> tickets, long planId, Instant at) {
		List<TrackedTicket> changed = new ArrayList<>();
		for (TrackedTicket t : tickets) {
			if (t.planId != planId) {
				t.planId = planId;
				facts.save(new TicketFact(t.ticketId, at, FactKind.PLAN_CHANGED, t.state, t.priority, t.ticketType,
						planId));
				changed.add(t);
			}
		}
		recompute(changed, at);
	}

	/**
	 * Starts keeping time for tickets that existed before (their activities told again from what the ticket
	 * module stored). What was already late before {@code now} is recorded as a breach noticed when it
	 * happened and nobody is alerted about the past; clocks still running are watched from now on. Joins
	 * the caller's transaction; returns the breaches recorded.
	 */
	int adopt(Map<Long, List<TicketActivity>> histories, Instant now) {
		List<TrackedTicket> adopted = new ArrayList<>();
		var planFor = chooser.snapshot();
		for (List<TicketActivity> activities : histories.values()) {
			if (activities.isEmpty()) {
				continue;
			}
			TicketActivity opened = activities.get(0);
			TrackedTicket ticket = new TrackedTicket(opened, planFor.apply(opened.requesterId(), opened.organizationId()));
			for (TicketActivity a : activities) {
				ticket.update(a);
				FactKind kind = a == opened ? FactKind.OPENED : FactKind.valueOf(a.kind().name());
				facts.save(new TicketFact(ticket.ticketId, a.at(), kind, a.state(), a.priority(), a.type(), ticket.planId,
						a.id()));
			}
			adopted.add(tracked.save(ticket));
		}
		int recorded = 0;
		for (CommitmentClock c : recompute(adopted, now)) {
			if (c.breachedAt != null && c.detectedAt == null && c.breachedAt.isBefore(now)) {
				c.detectedAt = c.breachedAt;
				c.atRiskNotifiedAt = c.breachedAt;
				c.nextCheckAt = null;
				clocks.save(c);
				breaches.save(new Breach(c));
				recorded++;
			}
			else if (c.state == ClockState.RUNNING && c.atRiskAt != null && !c.atRiskAt.isAfter(now)) {
				c.noticeAtRisk(now);
			}
		}
		return recorded;
	}

	/** Recomputes the clocks of these tickets from their facts; one query for facts, one for clocks. */
	List<CommitmentClock> recompute(Collection<TrackedTicket> tickets, Instant now) {
		if (tickets.isEmpty()) {
			return List.of();
		}
		Map<Long, TrackedTicket> byId = new HashMap<>();
		tickets.forEach(t -> byId.put(t.ticketId, t));
		Map<Long, List<ClockFact>> factsByTicket = new HashMap<>();
		for (TicketFact f : facts.forTickets(byId.keySet())) {
			factsByTicket.computeIfAbsent(f.ticketId, k -> new ArrayList<>()).add(f.toClockFact());
		}
		Map<String, CommitmentClock> existing = new HashMap<>();
		for (CommitmentClock c : clocks.forTickets(byId.keySet())) {
			existing.put(key(c.ticketId, c.commitment, c.cycle), c);
		}
		List<CommitmentClock> toSave = new ArrayList<>();
		for (TrackedTicket ticket : tickets) {
			List<ClockFact> ticketFacts = factsByTicket.getOrDefault(ticket.ticketId, List.of());
			for (ClockOutcome outcome : ClockComputer.compute(ticketFacts, book::rules, now)) {
				String key = key(ticket.ticketId, outcome.commitment(), outcome.cycle());
				CommitmentClock stored = existing.remove(key);
				if (stored == null) {
					stored = new CommitmentClock(ticket.ticketId, outcome.commitment(), outcome.cycle());
				}
				stored.apply(outcome, ticket, book.rules(outcome.planId()).zone());
				toSave.add(stored);
			}
		}
		clocks.saveAll(toSave);
		// Clocks no longer computed (the plan stopped promising that commitment) go, unless already breached.
		List<CommitmentClock> gone = existing.values().stream().filter(c -> c.detectedAt == null).toList();
		clocks.deleteAll(gone);
		return toSave;
	}

	private static String key(long ticketId, Commitment commitment, int cycle) {
		return ticketId + "/" + commitment + "/" + cycle;
	}

}
