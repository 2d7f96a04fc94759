package app.rapport.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs imports one after the other on one thread of their own, with a bounded number waiting. One at a
 * time keeps an import's work (and its transaction) off the request threads, keeps two imports of the
 * same file on one node from both passing the duplicate check, and bounds memory: each waiting import
 * holds its file. Not a Spring bean on purpose: an {@code Executor} bean would replace Spring Boot's
 * application task executor, which asynchronous event listeners use.
 */
final class ImportQueue {

	private final ThreadPoolExecutor executor;

	private final int waiting;

	ImportQueue(int waiting) {
		this.waiting = waiting;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, waiting)), r -> {
			Thread thread = new Thread(r, "customer-import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs the import when the ones before it are done; refused when {@code waiting} imports already wait. */
	void submit(String jobId, Runnable importRun) {
		try {
			executor.execute(new Queued(jobId, importRun));
		}
		catch (RejectedExecutionException ex) {
			throw new ImportsBusyException(waiting);
		}
	}

	/**
	 * Drops the waiting imports and lets the running one finish (it is one transaction: all of it or
	 * nothing) for up to {@code waitSeconds}; answers the ids of the dropped ones.
	 */
	List<String> stop(long waitSeconds) throws InterruptedException {
		List<Runnable> dropped = new ArrayList<>();
		executor.getQueue().drainTo(dropped);
		executor.shutdown();
		executor.awaitTermination(waitSeconds, TimeUnit.SECONDS);
		return dropped.stream().map(r -> ((Queued) r).jobId()).toList();
	}

	private record Queued(String jobId, Runnable task) implements Runnable {

		@Override
		public void run() {
			task.run();
		}

	}

}
