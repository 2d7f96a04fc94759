package app.rapport.commitment;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import app.rapport.ticket.TicketState;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes running clocks in the background after a plan's targets or a calendar changed, so that the
 * save answers at once. The request is a row written with the change ({@code commitment_recompute}); every
 * node looks for the oldest unfinished one every second, and the node that wins its lease (a conditional
 * update, renewed with every round) works it through in rounds of a few slices of {@value ClockKeeper#BATCH}
 * tickets, the slices side by side in their own transactions, then the progress. A node that dies leaves the
 * lease to expire; another resumes after the last round recorded (a slice computed twice gives the same
 * clocks). One recompute runs at a time, oldest first.
 */
@Component
class ClockRecomputes {

	private static final Logger log = LoggerFactory.getLogger(ClockRecomputes.class);

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Duration KEEP_FINISHED = Duration.ofDays(7);

	private final JdbcTemplate jdbc;

	private final ClockKeeper keeper;

	private final TrackedTicketRepository tracked;

	private final PlanBook book;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	/** Slices of {@value ClockKeeper#BATCH} tickets computed side by side. */
	private final int workers;

	private final ExecutorService pool;

	ClockRecomputes(JdbcTemplate jdbc, ClockKeeper keeper, TrackedTicketRepository tracked, PlanBook book, Clock clock,
			PlatformTransactionManager transactions, @Value("${rapport.commitments.recompute-workers:2}") int workers) {
		this.workers = Math.max(1, workers);
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(this.workers, r -> {
			Thread t = new Thread(r, "clock-recompute-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.jdbc = jdbc;
		this.keeper = keeper;
		this.tracked = tracked;
		this.book = book;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Asks for the running clocks of these plans to be computed again; joins the caller's transaction. */
	void request(Collection<Long> planIds) {
		if (planIds.isEmpty()) {
			return;
		}
		String ids = "," + String.join(",", planIds.stream().sorted().map(String::valueOf).toList()) + ",";
		jdbc.update("insert into commitment_recompute (plan_ids, requested_at, done_tickets, after_ticket_id) "
				+ "values (?, ?, 0, 0)", ids, Timestamp.from(clock.instant()));
	}

	/** The latest recompute that concerns the plan, if any. */
	Optional<RecomputeProgress> progress(long planId) {
		return jdbc.query("select requested_at, started_at, total_tickets, done_tickets, done_clocks, finished_at from "
				+ "commitment_recompute where plan_ids like ? order by id desc fetch first 1 rows only", rs -> rs.next()
						? Optional.of(new RecomputeProgress(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
								(Long) rs.getObject(3, Long.class), rs.getLong(4), rs.getLong(5), instant(rs.getTimestamp(6))))
						: Optional.<RecomputeProgress>empty(),
				"%," + planId + ",%");
	}

	/** Works through the oldest unfinished recompute, when this node gets its lease; returns whether it did. */
	@Scheduled(fixedDelayString = "${rapport.commitments.recompute-interval:1s}", initialDelayString = "${rapport.commitments.recompute-interval:1s}")
	boolean work() {
		try {
			record Job(long id, String planIds, Long total, long done, long after) {
			}
			List<Job> open = jdbc.query("select id, plan_ids, total_tickets, done_tickets, after_ticket_id from "
					+ "commitment_recompute where finished_at is null order by id fetch first 1 rows only",
					(rs, i) -> new Job(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getLong(4),
							rs.getLong(5)));
			if (open.isEmpty() || !claim(open.get(0).id)) {
				return false;
			}
			Job job = open.get(0);
			List<Long> planIds = Arrays.stream(job.planIds.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
			book.forget();
			if (job.total == null) {
				Long total = jdbc.queryForObject("select count(*) from commitment_ticket where plan_id in ("
						+ String.join(",", planIds.stream().map(String::valueOf).toList()) + ") and state in ("
						+ String.join(",", TicketState.ACTIVE.stream().map(s -> "'" + s.name() + "'").toList()) + ")",
						Long.class);
				jdbc.update("update commitment_recompute set total_tickets = ?, started_at = ? where id = ?", total,
						Timestamp.from(clock.instant()), job.id);
			}
			long after = job.after;
			long started = System.nanoTime();
			long clocks = 0;
			while (true) {
				long from = after;
				List<Long> ids = tx.execute(status -> tracked.activeIds(planIds, TicketState.ACTIVE, from,
						PageRequest.ofSize(ClockKeeper.BATCH * workers)));
				Instant now = clock.instant();
				if (ids.isEmpty()) {
					jdbc.update("update commitment_recompute set finished_at = ?, claimed_until = null where id = ? "
							+ "and claimed_by = ?", Timestamp.from(now), job.id, node);
					// Only the latest per plan is shown; finished ones older than a week go.
					jdbc.update("delete from commitment_recompute where finished_at < ?",
							Timestamp.from(now.minus(KEEP_FINISHED)));
					break;
				}
				// The slices run side by side, each in its own transaction: one waits for the database while the
				// other computes. A slice committed before a crash is simply computed again on resume.
				List<Future<Integer>> slices = new ArrayList<>();
				for (int i = 0; i < ids.size(); i += ClockKeeper.BATCH) {
					List<Long> slice = ids.subList(i, Math.min(ids.size(), i + ClockKeeper.BATCH));
					slices.add(pool.submit(() -> tx.execute(status -> keeper.recompute(tracked.findAllById(slice), now).size())));
				}
				int computed = 0;
				for (Future<Integer> slice : slices) {
					computed += join(slice);
				}
				int renewed = jdbc.update("update commitment_recompute set after_ticket_id = ?, done_tickets = "
						+ "done_tickets + ?, done_clocks = done_clocks + ?, claimed_until = ? where id = ? and claimed_by = ?",
						ids.get(ids.size() - 1), ids.size(), computed, Timestamp.from(clock.instant().plus(LEASE)), job.id,
						node);
				clocks += computed;
				if (renewed == 0) {
					// The lease went to another node meanwhile (this one was stalled): leave it to that one.
					break;
				}
				after = ids.get(ids.size() - 1);
			}
			log.info("Recomputed {} clocks of plans {} in {} ms", clocks, planIds, (System.nanoTime() - started) / 1_000_000);
			return true;
		}
		catch (DataAccessException ex) {
			log.warn("Clock recompute interrupted, will resume: {}", ex.toString());
			return false;
		}
	}

	private static int join(Future<Integer> slice) {
		try {
			Integer computed = slice.get();
			return computed == null ? 0 : computed;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Clock recompute interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof DataAccessException dataAccess) {
				throw dataAccess;
			}
			throw new IllegalStateException("Clock recompute failed", ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

	private boolean claim(long id) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.update("update commitment_recompute set claimed_by = ?, claimed_until = ? where id = ? and "
				+ "finished_at is null and (claimed_until is null or claimed_until < ? or claimed_by = ?)", node,
				Timestamp.from(clock.instant().plus(LEASE)), id, now, node) == 1;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
