package app.rapport.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.rapport.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmed CSV imports, run in the background so that no request waits for a big file: {@link #start}
 * answers at once with a job whose state and progress {@link #job} reads (from the database, so any
 * node can answer). The import itself is one transaction, as before: it writes every valid row or,
 * when it fails, nothing.
 */
@Service
public class ImportJobs {

	/** A job that has not moved for this long lost its node (a restart, a crash): it will never finish. */
	static final Duration STALE = Duration.ofMinutes(10);

	/** Jobs are forgotten a week after they started. */
	static final Duration KEPT = Duration.ofDays(7);

	/** Why a job failed: the import threw (and rolled back), the server stopped before it ran, or it lost its node. */
	static final String FAILED = "failed", STOPPED = "stopped", INTERRUPTED = "interrupted";

	private static final Map<String, String> REASONS = Map.of(FAILED, "The import failed; nothing was written.", STOPPED,
			"The server stopped before this import could start; nothing was written.", INTERRUPTED,
			"The import stopped without finishing (was the server restarted?); nothing was written unless its rows are in the list already.");

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ImportJobRepository jobs;

	private final CustomerImport imports;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ImportQueue queue;

	ImportJobs(ImportJobRepository jobs, CustomerImport imports, PlatformTransactionManager transactions, Clock clock,
			@Value("${rapport.imports.max-waiting:4}") int maxWaiting) {
		this.jobs = jobs;
		this.imports = imports;
		this.ownTransaction = new TransactionTemplate(transactions);
		// Progress must be visible while the import's own transaction is still open.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.queue = new ImportQueue(maxWaiting);
	}

	/**
	 * Queues the import of the file and answers its job; refused at once (nothing queued) when the
	 * encoding is unknown or the bytes are not valid in it, and with {@link ImportsBusyException} when
	 * too many imports wait.
	 */
	public ImportJobView start(ImportTarget target, byte[] file, String charset, String fileName, Long actor) {
		Objects.requireNonNull(target);
		// A wrong encoding or a U+0000 is the caller's mistake: say so now, not in a failed job later.
		CsvImport.Decoded decoded = CustomerImport.withoutNul(CsvImport.decode(file, charset));
		Instant now = clock.instant();
		ImportJob job = ownTransaction.execute(status -> {
			jobs.deleteCreatedBefore(now.minus(KEPT));
			return jobs.save(new ImportJob(UUID.randomUUID().toString(), target, actor, fileName, decoded.charsetName(), now));
		});
		try {
			queue.submit(job.getId(), () -> run(job.getId(), target, file, charset, actor));
		}
		catch (ImportsBusyException ex) {
			ownTransaction.executeWithoutResult(status -> jobs.deleteById(job.getId()));
			throw ex;
		}
		return view(job);
	}

	/** The job, if {@code actor} started it; 404 otherwise, so that nobody learns of another user's imports. */
	public ImportJobView job(String id, Long actor) {
		ImportJob job = ownTransaction.execute(status -> jobs.findById(id).orElse(null));
		if (job == null || !Objects.equals(job.getActorUserId(), actor)) {
			throw new NotFoundException("Import " + id);
		}
		return view(job);
	}

	private void run(String id, ImportTarget target, byte[] file, String charset, Long actor) {
		Progress progress = new Progress(id);
		try {
			ImportReport report = imports.write(target, file, charset, actor, progress);
			long committed = System.nanoTime();
			String json = storable(report);
			ownTransaction.executeWithoutResult(status -> jobs.finish(id, ImportJobState.DONE, json, null, clock.instant()));
			log.info("Import {} wrote {} {} of {} rows in {} ms: read and checked in {} ms, written in {} ms, committed in {} ms", id,
					report.created(), target.path(), report.rows(), millis(progress.started, committed),
					millis(progress.started, progress.writingFrom), millis(progress.writingFrom, progress.writtenAt),
					millis(progress.writtenAt, committed));
		}
		catch (RuntimeException ex) {
			log.warn("Import {} of {} failed; nothing was written", id, target.path(), ex);
			ownTransaction.executeWithoutResult(status -> jobs.finish(id, ImportJobState.FAILED, null, FAILED, clock.instant()));
		}
	}

	/** The report as JSON that fits its column: a file full of bad rows lists its first problems only. */
	static String storable(ImportReport report) {
		String json = JSON.writeValueAsString(report);
		int listed = report.problems().size();
		while (json.length() > ImportJob.MAX_REPORT_CHARS) {
			listed /= 2;
			json = JSON.writeValueAsString(report.listingAtMost(listed));
		}
		return json;
	}

	private ImportJobView view(ImportJob job) {
		ImportJobState state = job.getState();
		String errorCode = job.getError();
		if (!state.finished() && job.getUpdatedAt().isBefore(clock.instant().minus(STALE))) {
			state = ImportJobState.FAILED;
			errorCode = INTERRUPTED;
		}
		ImportReport report = job.getReport() == null ? null : JSON.readValue(job.getReport(), ImportReport.class);
		return new ImportJobView(job.getId(), job.getTarget(), state, job.getFileName(), job.getCharset(), job.getRowsInFile(),
				job.getRowsToWrite(), job.getRowsWritten(), job.getCreatedAt(), job.getFinishedAt(), report, errorCode,
				errorCode == null ? null : REASONS.get(errorCode));
	}

	@PreDestroy
	void stop() throws InterruptedException {
		List<String> dropped = queue.stop(60);
		for (String id : dropped) {
			ownTransaction.executeWithoutResult(status -> jobs.finish(id, ImportJobState.FAILED, null, STOPPED, clock.instant()));
		}
	}

	private static long millis(long fromNanos, long toNanos) {
		return toNanos == 0 || fromNanos == 0 ? 0 : (toNanos - fromNanos) / 1_000_000;
	}

	/** Writes the import's progress in transactions of its own, so that polling sees it; notes when each phase began for the log. */
	private final class Progress implements ImportProgress {

		private final String id;

		private final long started = System.nanoTime();

		private long writingFrom;

		private long writtenAt;

		private int rows;

		Progress(String id) {
			this.id = id;
		}

		@Override
		public void checking(int rows) {
			this.rows = rows;
			ownTransaction.executeWithoutResult(
					status -> jobs.progress(id, ImportJobState.CHECKING, rows, 0, 0, clock.instant()));
		}

		@Override
		public void writing(int written, int total) {
			long now = System.nanoTime();
			if (written == 0) {
				writingFrom = now;
			}
			writtenAt = now;
			ownTransaction.executeWithoutResult(
					status -> jobs.progress(id, ImportJobState.WRITING, rows, total, written, clock.instant()));
		}

	}

}
