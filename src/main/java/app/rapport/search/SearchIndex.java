package app.rapport.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the full-text index complete. Hibernate Search indexes every change made through JPA, but rows
 * written around it (a bulk load by SQL, a restored backup, a new node with an empty local index) are
 * missing until the index is rebuilt from the database. Changes a crash took from the index are repaired
 * at start-up by {@link PendingIndexWork}.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class SearchIndex {

	static final List<Class<?>> INDEXED = List.of(Organization.class, Contact.class, Ticket.class, Message.class);

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final EntityManagerFactory entityManagerFactory;

	private final AtomicBoolean running = new AtomicBoolean();

	/** The mass indexer's own future, so that shutting down stops it instead of letting it fail on a closed index. */
	private volatile CompletableFuture<?> inProgress;

	SearchIndex(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * Rebuilds the whole index from the database and returns when it is done; for the benchmark data
	 * generator after a bulk load. Searches during the rebuild see an incomplete index.
	 *
	 * @throws IllegalStateException when a rebuild is already running
	 */
	public void reindexAll() {
		CompletableFuture<Void> done = startReindex(INDEXED);
		if (done == null) {
			throw new IllegalStateException("The search index is already being rebuilt");
		}
		done.join();
	}

	/**
	 * Starts rebuilding the whole index in the background.
	 *
	 * @return false when a rebuild is already running (nothing new is started)
	 */
	public boolean startReindexAll() {
		return startReindex(INDEXED) != null;
	}

	@jakarta.annotation.PreDestroy
	void stopRunningRebuild() {
		CompletableFuture<?> indexing = inProgress;
		if (indexing != null && !indexing.isDone()) {
			indexing.cancel(true);
		}
	}

	/** True while a rebuild runs. */
	public boolean isReindexing() {
		return running.get();
	}

	/** On start-up, rebuilds (in the background) the indexes whose document count differs from the database's. */
	@EventListener(ApplicationReadyEvent.class)
	void reindexWhenIncomplete() {
		try {
			List<Class<?>> incomplete = incompleteTypes();
			if (!incomplete.isEmpty()) {
				log.info("Search index is incomplete for {}; rebuilding it in the background", names(incomplete));
				startReindex(incomplete);
			}
		}
		catch (RuntimeException ex) {
			// Search is not worth refusing to start for; the admin can rebuild with POST /api/v1/search/reindex.
			log.error("Could not check the search index; rebuild it with POST /api/v1/search/reindex", ex);
		}
	}

	/** The indexed types whose index holds a different number of documents than the database has rows. */
	List<Class<?>> incompleteTypes() {
		List<Class<?>> incomplete = new ArrayList<>();
		EntityManager em = entityManagerFactory.createEntityManager();
		try {
			for (Class<?> type : INDEXED) {
				long rows = em.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class)
					.getSingleResult();
				long documents = Search.session(em).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
				if (rows != documents) {
					log.info("Search index for {} holds {} documents; the database has {} rows", type.getSimpleName(),
							documents, rows);
					incomplete.add(type);
				}
			}
		}
		finally {
			em.close();
		}
		return incomplete;
	}

	private CompletableFuture<Void> startReindex(List<Class<?>> types) {
		if (!running.compareAndSet(false, true)) {
			return null;
		}
		try {
			String what = names(types);
			log.info("Rebuilding the search index for {}", what);
			CompletableFuture<?> indexing = Search.mapping(entityManagerFactory)
				.scope(types)
				.massIndexer()
				.typesToIndexInParallel(1)
				.threadsToLoadObjects(2)
				.batchSizeToLoadObjects(100)
				.monitor(new ProgressLog(what))
				.start()
				.toCompletableFuture();
			inProgress = indexing;
			return indexing.handle((ignored, failure) -> {
					running.set(false);
					if (failure != null) {
						log.error("Rebuilding the search index for {} failed", what, failure);
						throw new IllegalStateException("Rebuilding the search index failed", failure);
					}
					log.info("Search index for {} rebuilt", what);
					return null;
				});
		}
		catch (RuntimeException ex) {
			running.set(false);
			throw ex;
		}
	}

	private static String names(List<Class<?>> types) {
		return types.stream().map(Class::getSimpleName).toList().toString();
	}

	/** Logs progress about every 10 % of the total (at least every 1,000 documents apart). */
	private static final class ProgressLog implements MassIndexingMonitor {

		private final String what;

		private final AtomicLong total = new AtomicLong();

		private final AtomicLong added = new AtomicLong();

		private final AtomicLong nextReport = new AtomicLong(1_000);

		ProgressLog(String what) {
			this.what = what;
		}

		@Override
		public void addToTotalCount(long count) {
			total.addAndGet(count);
		}

		@Override
		public void documentsAdded(long count) {
			long done = added.addAndGet(count);
			long next = nextReport.get();
			if (done >= next && nextReport.compareAndSet(next, done + Math.max(1_000, total.get() / 10))) {
				log.info("Search index for {}: {} of {} documents", what, done, total.get());
			}
		}

		@Override
		public void documentsBuilt(long count) {
		}

		@Override
		public void entitiesLoaded(long count) {
		}

		@Override
		public void indexingCompleted() {
			log.info("Search index for {}: {} documents indexed", what, added.get());
		}

	}

}
