package app.rapport.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices at-risk and breached clocks within a fraction of a second of their instant (it looks every 250 ms).
 * It reads only clocks whose indexed next check has come, locking them with {@code FOR UPDATE SKIP LOCKED}:
 * with several nodes on one database each clock is taken by one node, and what it does (mark the clock,
 * record the breach, notify, escalate, publish the event) commits together or not at all. A node killed
 * mid-run leaves the rows to the next one.
 */
@Component
class BreachDetector {

	private static final Logger log = LoggerFactory.getLogger(BreachDetector.class);

	static final int BATCH = 200;

	static final java.time.Duration RETRY_AFTER = java.time.Duration.ofMinutes(1);

	@PersistenceContext
	private EntityManager em;

	private final CommitmentClockRepository clocks;

	private final BreachRepository breaches;

	private final TrackedTicketRepository tracked;

	private final PlanBook book;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final boolean enabled;

	BreachDetector(CommitmentClockRepository clocks, BreachRepository breaches, TrackedTicketRepository tracked,
			PlanBook book,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate tx,
			@Value("${rapport.commitments.detector.enabled:true}") boolean enabled) {
		this.clocks = clocks;
		this.breaches = breaches;
		this.tracked = tracked;
		this.book = book;
		this.events = events;
		this.clock = clock;
		this.tx = tx;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${rapport.commitments.detector.interval:250ms}",
			initialDelayString = "${rapport.commitments.detector.initial-delay:3s}")
	void tick() {
		if (!enabled) {
			return;
		}
		try {
			while (detectOnce() == BATCH) {
				// a full batch: there may be more due right now
			}
		}
		catch (DataAccessException | org.springframework.transaction.TransactionException ex) {
			// A deadlock or a lost connection rolls the batch back; the next tick takes it again.
			log.warn("Breach detection batch rolled back, will retry: {}", ex.getMessage());
		}
		finally {
			passes.incrementAndGet();
		}
	}

	/** Detection passes finished since start: lets a check wait for passes instead of for a time. */
	long passes() {
		return passes.get();
	}

	private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * Handles one batch of clocks whose check is due, in one transaction; returns how many this node took.
	 * If the batch fails, its clocks are taken one by one, each in its own transaction, so that one clock
	 * that fails cannot hold up the others: it is logged and looked at again a minute later.
	 */
	int detectOnce() {
		Instant now = clock.instant();
		try {
			Integer taken = tx.execute(status -> {
				@SuppressWarnings("unchecked")
				List<Number> ids = em
					.createNativeQuery("select id from commitment_clock where next_check_at <= ?1 order by next_check_at "
							+ "fetch first " + BATCH + " rows only for update skip locked")
					.setParameter(1, now)
					.getResultList();
				List<CommitmentClock> due = clocks.findAllById(ids.stream().map(Number::longValue).toList());
				// Load their tickets in one query: the alerts then find them in the persistence context.
				tracked.findAllById(due.stream().map(c -> c.ticketId).distinct().toList());
				for (CommitmentClock c : due) {
					check(c, now);
				}
				return ids.size();
			});
			return taken == null ? 0 : taken;
		}
		catch (RuntimeException ex) {
			log.warn("A breach-detection batch failed ({}); taking its clocks one by one", ex.toString());
			return oneByOne(now);
		}
	}

	private int oneByOne(Instant now) {
		@SuppressWarnings("unchecked")
		List<Number> due = tx.execute(status -> em
			.createNativeQuery("select id from commitment_clock where next_check_at <= ?1 order by next_check_at fetch first "
					+ BATCH + " rows only")
			.setParameter(1, now)
			.getResultList());
		if (due == null) {
			return 0;
		}
		int handled = 0;
		for (Number id : due) {
			try {
				if (Boolean.TRUE.equals(tx.execute(status -> take(id.longValue())))) {
					handled++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not handle commitment clock {}; it is looked at again in a minute", id, ex);
				tx.executeWithoutResult(status -> em
					.createNativeQuery("update commitment_clock set next_check_at = ?1 where id = ?2")
					.setParameter(1, clock.instant().plus(RETRY_AFTER))
					.setParameter(2, id.longValue())
					.executeUpdate());
			}
		}
		return handled;
	}

	/** Locks the clock unless another node has it, and handles it if its check is still due. */
	private boolean take(long id) {
		Instant now = clock.instant();
		@SuppressWarnings("unchecked")
		List<Number> locked = em
			.createNativeQuery("select id from commitment_clock where id = ?1 and next_check_at <= ?2 for update skip locked")
			.setParameter(1, id)
			.setParameter(2, now)
			.getResultList();
		if (locked.isEmpty()) {
			return false;
		}
		CommitmentClock c = clocks.findById(id).orElse(null);
		if (c == null) {
			return false;
		}
		em.refresh(c);
		check(c, now);
		return true;
	}

	private void check(CommitmentClock c, Instant now) {
		boolean breachDue = c.detectedAt == null
				&& ((c.breachedAt != null && !c.breachedAt.isAfter(now))
						|| (c.state == ClockState.RUNNING && c.dueAt != null && !c.dueAt.isAfter(now)));
		if (breachDue) {
			c.noticeBreach(now, book.rules(c.planId).zone());
			Breach breach = breaches.save(new Breach(c));
			events.publishEvent(new CommitmentBreached(breach.id, c.id, c.ticketId, c.commitment, c.cycle,
					c.breachedAt, c.ownerId, c.groupId, c.planId, now));
			return;
		}
		boolean atRiskDue = c.atRiskNotifiedAt == null && c.state == ClockState.RUNNING && c.atRiskAt != null
				&& !c.atRiskAt.isAfter(now);
		if (atRiskDue) {
			c.noticeAtRisk(now);
			events.publishEvent(new CommitmentAtRisk(c.id, c.ticketId, c.commitment, c.cycle, c.dueAt, c.ownerId,
					c.groupId, c.planId, now));
			return;
		}
		// Nothing due yet (the clock was recomputed since): just move its next check.
		c.nextCheckAt = c.nextCheckAt != null && !c.nextCheckAt.isAfter(now) ? c.nextCheck() : c.nextCheckAt;
	}

}
