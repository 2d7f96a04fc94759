package app.rapport.search;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.rapport.search.IndexedChange.Kind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
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
 * Makes the index crash-safe. Hibernate Search's read-sync indexing makes a change searchable at once but
 * commits the Lucene index to disk only about every second, so a killed process loses the last changes of
 * the index while the database keeps them. Every change leaves a row in {@code search_pending}
 * ({@link ChangeRecorder}); this class commits the index to disk regularly and only then deletes the rows of
 * the transactions it had applied, and at start-up, before the web server takes requests, reindexes every
 * document that still has a row. See ADR 10.
 */
@Component
class PendingIndexWork implements SmartLifecycle {

	/** Rows read, reindexed and deleted at a time during the start-up recovery. */
	static final int RECOVERY_BATCH = 500;

	private static final int DELETE_CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(PendingIndexWork.class);

	private final EntityManagerFactory entityManagerFactory;

	private final ChangeRecorder recorder;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Duration flushInterval;

	@PersistenceContext
	private EntityManager entityManager;

	private volatile ScheduledExecutorService flusher;

	PendingIndexWork(EntityManagerFactory entityManagerFactory, ChangeRecorder recorder, JdbcTemplate jdbc,
			PlatformTransactionManager transactions,
			@Value("${rapport.search.flush-interval:1s}") Duration flushInterval) {
		this.entityManagerFactory = entityManagerFactory;
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.flushInterval = flushInterval;
	}

	/** Before the web server and the schedulers start, so that no request sees the index before it is repaired. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 10_000;
	}

	@Override
	public void start() {
		try {
			recover();
		}
		catch (RuntimeException ex) {
			// Search is not worth refusing to start for: the rows stay, and the next start tries again.
			log.error("Could not reindex the changes left from before the last stop; search may miss them", ex);
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "search-index-flush");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		flusher = executor;
	}

	/**
	 * Stops flushing. No last flush: it would need the database, which may already be gone at shutdown, and
	 * the rows of the last second are simply reindexed at the next start.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService executor = flusher;
		flusher = null;
		if (executor != null) {
			// No interrupt: a flush under way finishes or fails on its own; deleting rows late is harmless.
			executor.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return flusher != null;
	}

	/**
	 * Commits the index to disk and then deletes the rows of the transactions whose changes were applied
	 * before the commit.
	 *
	 * @return how many transactions' rows were deleted
	 */
	int flush() {
		List<String> batches = recorder.drainApplied();
		if (batches.isEmpty()) {
			return 0;
		}
		try {
			Search.mapping(entityManagerFactory).scope(Object.class).workspace().flush();
			for (int from = 0; from < batches.size(); from += DELETE_CHUNK) {
				List<String> chunk = batches.subList(from, Math.min(batches.size(), from + DELETE_CHUNK));
				jdbc.update("delete from search_pending where batch_id in (" + placeholders(chunk.size()) + ")",
						chunk.toArray());
			}
		}
		catch (RuntimeException ex) {
			// Deleting twice does no harm; deleting before the commit would.
			recorder.requeue(batches);
			throw ex;
		}
		return batches.size();
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Could not commit the search index; will try again", ex);
		}
	}

	/**
	 * Reindexes, from the database, every document that has a row, in batches, each committed to disk before
	 * its rows are deleted.
	 *
	 * @return how many documents were reindexed (or removed, for entities that are gone)
	 */
	int recover() {
		Long pending = jdbc.queryForObject("select count(*) from search_pending", Long.class);
		if (pending == null || pending == 0) {
			return 0;
		}
		log.info("Reindexing the documents of {} changes recorded before the last stop (lost from the index if it was a crash)",
				pending);
		int reindexed = 0;
		while (true) {
			List<Row> rows = jdbc.query(
					"select entity, entity_id, batch_id from search_pending order by entity, entity_id, batch_id"
							+ " fetch first " + RECOVERY_BATCH + " rows only",
					(rs, n) -> new Row(Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)));
			if (rows.isEmpty()) {
				break;
			}
			Map<Kind, Set<Long>> ids = new EnumMap<>(Kind.class);
			rows.forEach(r -> ids.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.id()));
			tx.executeWithoutResult(status -> reindex(ids));
			jdbc.batchUpdate("delete from search_pending where entity = ? and entity_id = ? and batch_id = ?",
					rows.stream().map(r -> new Object[] { r.kind().name(), r.id(), r.batch() }).toList());
			reindexed += ids.values().stream().mapToInt(Set::size).sum();
		}
		log.info("Search index repaired: {} documents reindexed", reindexed);
		return reindexed;
	}

	/** Adds or replaces each document from the entity as the database has it, or purges it when the entity is gone. */
	private void reindex(Map<Kind, Set<Long>> ids) {
		SearchSession search = Search.session(entityManager);
		// Returns only once the index is committed to disk, so that the rows may go.
		search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
		ids.forEach((kind, wanted) -> {
			List<?> found = entityManager
				.createQuery("select e from " + kind.type.getSimpleName() + " e where e.id in :ids", kind.type)
				.setParameter("ids", wanted)
				.getResultList();
			Set<Long> missing = new HashSet<>(wanted);
			for (Object entity : found) {
				search.indexingPlan().addOrUpdate(entity);
				IndexedChange change = IndexedChange.of(entity);
				if (change != null) {
					missing.remove(change.id());
				}
			}
			for (Long id : missing) {
				search.indexingPlan().purge(kind.type, id, null);
			}
		});
	}

	private static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	private record Row(Kind kind, long id, String batch) {
	}

}
