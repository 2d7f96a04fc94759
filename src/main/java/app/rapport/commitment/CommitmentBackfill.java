package app.rapport.commitment;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import app.rapport.shared.ConflictException;
import app.rapport.ticket.TicketActivity;
import app.rapport.ticket.TicketHistory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts keeping time for tickets that existed before the commitment module saw them (an upgrade, an
 * import, bulk-generated data): in the background after start-up, in batches, each in its own
 * transaction. Another node adopting the same batch at the same moment makes one of them give way.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class CommitmentBackfill {

	private static final Logger log = LoggerFactory.getLogger(CommitmentBackfill.class);

	static final int BATCH = 500;

	/** Adopting this many tickets or more changes the tables enough for the planner's statistics to mislead it. */
	static final int ANALYZE_AFTER = 10_000;

	private static final List<String> TABLES = List.of("commitment_ticket", "commitment_fact", "commitment_clock");

	private final TicketHistory history;

	private final TrackedTicketRepository tracked;

	private final ClockKeeper keeper;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final boolean onStart;

	private final AtomicBoolean running = new AtomicBoolean();

	private final JdbcTemplate jdbc;

	CommitmentBackfill(TicketHistory history, TrackedTicketRepository tracked, ClockKeeper keeper, Clock clock,
			TransactionTemplate tx, JdbcTemplate jdbc,
			@Value("${rapport.commitments.adopt-on-start:true}") boolean onStart) {
		this.jdbc = jdbc;
		this.history = history;
		this.tracked = tracked;
		this.keeper = keeper;
		this.clock = clock;
		this.tx = tx;
		this.onStart = onStart;
	}

	/** What an adoption run did. */
	public record Result(int tickets, int breaches, long millis) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (onStart) {
			Thread thread = new Thread(this::adoptUntracked, "commitment-backfill");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** Adopts every ticket without clocks yet, unless an adoption is running already (then a conflict). */
	public Result adoptNow() {
		if (running.get()) {
			throw new ConflictException("Clocks are being computed for existing tickets already; try again when it is done.");
		}
		return adoptUntracked();
	}

	/** Adopts every ticket without clocks yet; returns how many tickets and historic breaches (0 if already running). */
	public Result adoptUntracked() {
		if (!running.compareAndSet(false, true)) {
			return new Result(0, 0, 0);
		}
		long started = System.nanoTime();
		int tickets = 0;
		int breaches = 0;
		try {
			// Every ticket kept already (tickets are never deleted): nothing to walk through at start-up.
			if (tracked.count() >= history.count()) {
				return new Result(0, 0, 0);
			}
			// Tickets opened from now on are kept from their own events.
			long last = history.maxId();
			long after = 0;
			while (after < last) {
				List<Long> ids = history.idsAfter(after, BATCH).stream().filter(id -> id <= last).toList();
				if (ids.isEmpty()) {
					break;
				}
				after = ids.get(ids.size() - 1);
				Set<Long> known = new HashSet<>();
				tracked.findAllById(ids).forEach(t -> known.add(t.ticketId));
				List<Long> untracked = ids.stream().filter(id -> !known.contains(id)).toList();
				if (untracked.isEmpty()) {
					continue;
				}
				try {
					Integer recorded = tx.execute(status -> {
						Map<Long, List<TicketActivity>> activities = new LinkedHashMap<>(history.activities(untracked));
						return keeper.adopt(activities, clock.instant());
					});
					tickets += untracked.size();
					breaches += recorded == null ? 0 : recorded;
				}
				catch (DataIntegrityViolationException ex) {
					log.info("Tickets {}..{} were adopted by another node meanwhile", untracked.get(0), after);
				}
			}
		}
		finally {
			running.set(false);
		}
		if (tickets >= ANALYZE_AFTER) {
			analyze();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (tickets > 0) {
			log.info("Commitment clocks now kept for {} tickets that existed before ({} past breaches recorded) in {} ms",
					tickets, breaches, millis);
		}
		return new Result(tickets, breaches, millis);
	}

	/**
	 * Fresh planner statistics for the tables the adoption filled. Without them the first recompute after a
	 * large adoption read every clock row for each batch of 500 tickets (a sequential scan chosen from
	 * statistics taken while the tables were empty), until autovacuum analysed them, if it runs at all.
	 */
	private void analyze() {
		try {
			boolean h2 = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData()
				.getDatabaseProductName()
				.equals("H2")));
			for (String table : TABLES) {
				jdbc.execute((h2 ? "analyze table " : "analyze ") + table);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not refresh the statistics of the commitment tables: {}", ex.toString());
		}
	}

}
