package app.rapport.demo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Rebuilds the search indexes after a bulk load, which bypasses Hibernate Search's automatic indexing.
 * TODO(lead): call the search module's {@code SearchService.reindexAll()} instead once it is merged.
 */
@Component
class SearchReindexer {

	private static final Logger log = LoggerFactory.getLogger(SearchReindexer.class);

	private final EntityManagerFactory entityManagerFactory;

	/** The background run, so that shutting down stops it instead of letting it fail on a closed index. */
	private volatile CompletableFuture<?> running;

	SearchReindexer(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/** Starts reindexing in the background and returns at once. */
	CompletionStage<?> start() {
		long started = System.nanoTime();
		CompletableFuture<?> future = indexer().start().toCompletableFuture();
		running = future;
		return future.whenComplete((ignored, failure) -> {
			if (future.isCancelled()) {
				log.info("Reindexing search was stopped by shutdown");
			}
			else if (failure != null) {
				log.error("Reindexing search after loading data failed", failure);
			}
			else {
				log.info("Search reindexed in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
		});
	}

	/** Reindexes and waits, for generation runs that exit afterwards. */
	void reindexAndWait() throws InterruptedException {
		long started = System.nanoTime();
		log.info("Reindexing search ...");
		indexer().startAndWait();
		log.info("Search reindexed in {} s", (System.nanoTime() - started) / 1_000_000_000);
	}

	@PreDestroy
	void stopRunningIndexer() {
		CompletableFuture<?> future = running;
		if (future != null && !future.isDone()) {
			future.cancel(true);
		}
	}

	private MassIndexer indexer() {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		return Search.mapping(entityManagerFactory)
			.scope(Object.class)
			.massIndexer()
			.threadsToLoadObjects(threads)
			.batchSizeToLoadObjects(100);
	}

}
