package app.rapport.search;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.search.IndexedChange.Kind;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes in the background from the durable record of changes ({@code search_pending}, written by
 * {@link ChangeRecorder} in each changing transaction): Hibernate Search's automatic indexing is off, so no
 * request waits for Lucene (ADR 15). A loop on its own thread, woken after every commit with changes and
 * at least every {@code rapport.search.index-interval}, takes the oldest rows, loads those documents as the
 * database has them now, writes them to the index and commits the index to disk, and only then deletes
 * the rows. A crash at any point leaves the rows, which are indexed again: nothing committed is left
 * unindexed, and indexing a document twice is harmless (with a shared backend, several nodes may).
 * Under a stream of changes the loop gathers them for {@code rapport.search.index-gather} after each batch,
 * so that a burst costs a Lucene commit (a new segment to merge later) per gathering instead of per change.
 */
@Component
class PendingIndexWork implements SmartLifecycle {

	/** Rows taken, indexed and deleted at a time. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(PendingIndexWork.class);

	private final ChangeRecorder recorder;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Duration interval;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	private final Object wake = new Object();

	private boolean woken;

	private volatile Thread worker;

	/** Set while a test (or an admin's rebuild) holds the indexer still. */
	private volatile boolean paused;

	/** How long to let changes gather after a batch that found some, before the next one. */
	private final Duration gather;

	PendingIndexWork(ChangeRecorder recorder, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${rapport.search.index-interval:250ms}") Duration interval,
			@Value("${rapport.search.index-gather:100ms}") Duration gather) {
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.interval = interval;
		this.gather = gather;
	}

	/** Before the web server and the schedulers start, so that indexing runs from the first request. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 10_000;
	}

	@Override
	public void start() {
		recorder.onCommit(this::wakeUp);
		Thread thread = new Thread(this::run, "search-indexer");
		thread.setDaemon(true);
		worker = thread;
		thread.start();
	}

	/** Stops after the batch under way; what is left stays in the table for the next start. */
	@Override
	public void stop() {
		Thread thread = worker;
		worker = null;
		if (thread != null) {
			wakeUp();
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	void wakeUp() {
		synchronized (wake) {
			woken = true;
			wake.notifyAll();
		}
	}

	private void run() {
		while (worker == Thread.currentThread()) {
			int done = 0;
			if (!paused) {
				try {
					done = indexBatch();
				}
				catch (RuntimeException ex) {
					// The database or the index may be away for a moment; the rows stay and are taken again.
					log.warn("Search indexing failed, will try again: {}", ex.toString());
					sleepQuietly(1_000);
				}
			}
			if (done > 0 && done < BATCH && !gather.isZero()) {
				// Changes are coming in: take the next ones together rather than one commit each. An idle index
				// (nothing found last time) indexes the first change as soon as it is woken.
				sleepQuietly(gather.toMillis());
			}
			else if (done < BATCH) {
				synchronized (wake) {
					if (!woken) {
						try {
							wake.wait(interval.toMillis());
						}
						catch (InterruptedException ex) {
							return;
						}
					}
					woken = false;
				}
			}
		}
	}

	/**
	 * Indexes everything pending now, on the caller's thread (tests, and admins who want it at once), and
	 * returns how many documents.
	 */
	int flush() {
		int total = 0;
		for (int n = indexBatch(); n > 0; n = indexBatch()) {
			total += n;
		}
		return total;
	}

	/** Holds the background indexer still (rows then stay until {@link #flush()}), or lets it go again. */
	void pause(boolean pause) {
		this.paused = pause;
		if (!pause) {
			wakeUp();
		}
	}

	/** How long the oldest change not yet in the index has waited; zero when the index is up to date. */
	Duration lag() {
		java.sql.Timestamp oldest = jdbc.queryForObject("select min(recorded_at) from search_pending",
				java.sql.Timestamp.class);
		if (oldest == null) {
			return Duration.ZERO;
		}
		Duration lag = Duration.between(oldest.toInstant(), clock.instant());
		return lag.isNegative() ? Duration.ZERO : lag;
	}

	/**
	 * One batch: the oldest rows, their documents written to the index and the index committed to disk with
	 * the reading transaction's commit (write-sync), and only then the rows deleted. Returns rows taken.
	 */
	int indexBatch() {
		List<Row> rows = jdbc.query("select entity, entity_id, batch_id from search_pending order by recorded_at"
				+ " fetch first " + BATCH + " rows only",
				(rs, n) -> new Row(Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)));
		if (rows.isEmpty()) {
			return 0;
		}
		Map<Kind, Set<Long>> ids = new EnumMap<>(Kind.class);
		rows.forEach(r -> ids.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.id()));
		// Hibernate Search applies the plan when this transaction commits and, write-sync, returns only once
		// the index is on disk; a failure throws here and the rows stay.
		tx.executeWithoutResult(status -> reindex(ids));
		jdbc.batchUpdate("delete from search_pending where entity = ? and entity_id = ? and batch_id = ?",
				rows.stream().map(r -> new Object[] { r.kind().name(), r.id(), r.batch() }).toList());
		return rows.size();
	}

	/**
	 * Adds or replaces each document from the entity as the database has it, or purges it when the entity is
	 * gone; a changed conversation also re-indexes its ticket's messages, which carry copies of its fields.
	 */
	private void reindex(Map<Kind, Set<Long>> ids) {
		SearchSession search = Search.session(entityManager);
		// Returns only once the index is committed to disk, so that the rows may go.
		search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
		Set<Long> tickets = new HashSet<>(ids.getOrDefault(Kind.TICKET, Set.of()));
		Set<Long> conversations = ids.getOrDefault(Kind.CONVERSATION, Set.of());
		tickets.addAll(conversations);
		index(search, Ticket.class, tickets);
		index(search, Message.class, ids.getOrDefault(Kind.MESSAGE, Set.of()));
		index(search, Contact.class, ids.getOrDefault(Kind.CONTACT, Set.of()));
		index(search, Organization.class, ids.getOrDefault(Kind.ORGANIZATION, Set.of()));
		if (!conversations.isEmpty()) {
			entityManager.createQuery("select m from Message m where m.ticket.id in :ids", Message.class)
				.setParameter("ids", conversations)
				.getResultList()
				.forEach(search.indexingPlan()::addOrUpdate);
		}
	}

	private void index(SearchSession search, Class<?> type, Set<Long> wanted) {
		if (wanted.isEmpty()) {
			return;
		}
		List<?> found = entityManager.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
			.setParameter("ids", wanted)
			.getResultList();
		Set<Long> missing = new HashSet<>(wanted);
		var ids = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
		for (Object entity : found) {
			search.indexingPlan().addOrUpdate(entity);
			missing.remove((Long) ids.getIdentifier(entity));
		}
		for (Long id : missing) {
			search.indexingPlan().purge(type, id, null);
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Row(Kind kind, long id, String batch) {
	}

}
