package app.rapport.customer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import app.rapport.support.MutableClock;
import app.rapport.support.RapportIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The background side of imports, with a stand-in for the import itself so that a test can make it
 * fail or hold it still: failures, the waiting limit and jobs whose node went away.
 */
@RapportIntegrationTest
class ImportJobsIntegrationTests {

	static final byte[] FILE = "name\nA\n".getBytes(StandardCharsets.UTF_8);

	static final long ACTOR = 424242L;

	@Autowired
	ImportJobRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

	final CountDownLatch release = new CountDownLatch(1);

	final CountDownLatch running = new CountDownLatch(1);

	ImportJobs jobs;

	/** Jobs over the given stand-in import, with at most {@code waiting} imports waiting. */
	ImportJobs jobs(CustomerImport stand, int waiting) {
		jobs = new ImportJobs(repository, stand, transactions, clock, waiting);
		return jobs;
	}

	@AfterEach
	void stop() throws InterruptedException {
		release.countDown();
		if (jobs != null) {
			jobs.stop();
		}
	}

	/** An import that waits for {@link #release} and then throws or reports. */
	CustomerImport held(boolean fail) {
		return new CustomerImport(null, null, null, null, null, null) {

			@Override
			ImportReport write(ImportTarget target, byte[] file, String charset, Long actor, ImportProgress progress) {
				progress.checking(1);
				running.countDown();
				await(release);
				if (fail) {
					throw new IllegalStateException("the database went away");
				}
				progress.writing(1, 1);
				return ImportReport.of(false, "UTF-8", 1, 1, 1, java.util.List.of(), java.util.List.of());
			}

		};
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).as("latch").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	ImportJobView finished(String id) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			ImportJobView job = jobs.job(id, ACTOR);
			if (job.state().finished()) {
				return job;
			}
			assertThat(System.nanoTime()).as("job still " + job.state()).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	@Test
	void aFailedImportSaysSoAndKeepsNoReport() {
		ImportJobView started = jobs(held(true), 2).start(ImportTarget.CONTACTS, FILE, null, "a.csv", ACTOR);
		await(running);
		assertThat(jobs.job(started.id(), ACTOR).state()).isEqualTo(ImportJobState.CHECKING);
		release.countDown();
		ImportJobView failed = finished(started.id());
		assertThat(failed.state()).isEqualTo(ImportJobState.FAILED);
		assertThat(failed.errorCode()).isEqualTo("failed");
		assertThat(failed.error()).contains("nothing was written");
		assertThat(failed.report()).isNull();
		assertThat(failed.finishedAt()).isEqualTo(clock.instant());
	}

	@Test
	void refusesAnImportWhenAsManyAsMayWaitAreWaitingAndKeepsNoJobForIt() {
		ImportJobs jobs = jobs(held(false), 1);
		ImportJobView first = jobs.start(ImportTarget.CONTACTS, FILE, null, "a.csv", ACTOR);
		await(running);
		ImportJobView second = jobs.start(ImportTarget.ORGANIZATIONS, FILE, null, "b.csv", ACTOR);
		assertThat(jobs.job(second.id(), ACTOR).state()).isEqualTo(ImportJobState.QUEUED);
		long before = repository.count();
		assertThatThrownBy(() -> jobs.start(ImportTarget.CONTACTS, FILE, null, "c.csv", ACTOR))
			.isInstanceOf(ImportsBusyException.class);
		assertThat(repository.count()).isEqualTo(before);
		release.countDown();
		assertThat(finished(first.id()).state()).isEqualTo(ImportJobState.DONE);
		ImportJobView done = finished(second.id());
		assertThat(done.state()).isEqualTo(ImportJobState.DONE);
		assertThat(done.report().created()).isEqualTo(1);
		assertThat(done.percent()).isEqualTo(100);
	}

	@Test
	void aJobThatStopsMovingForTenMinutesIsReportedAsInterrupted() {
		ImportJobView started = jobs(held(false), 2).start(ImportTarget.CONTACTS, FILE, null, "a.csv", ACTOR);
		await(running);
		clock.advance(ImportJobs.STALE.minus(Duration.ofSeconds(1)));
		assertThat(jobs.job(started.id(), ACTOR).state()).isEqualTo(ImportJobState.CHECKING);
		clock.advance(Duration.ofSeconds(2));
		ImportJobView lost = jobs.job(started.id(), ACTOR);
		assertThat(lost.state()).isEqualTo(ImportJobState.FAILED);
		assertThat(lost.errorCode()).isEqualTo("interrupted");
	}

	@Test
	void refusesAFileInAnUnknownEncodingWithoutQueueingIt() {
		long before = repository.count();
		assertThatThrownBy(() -> jobs(held(false), 2).start(ImportTarget.CONTACTS, FILE, "EBCDIC", "a.csv", ACTOR))
			.isInstanceOf(CustomerInputException.class);
		assertThat(repository.count()).isEqualTo(before);
		assertThat(running.getCount()).isEqualTo(1);
	}

	@Test
	void showsAJobToNobodyButWhoeverStartedIt() {
		ImportJobView started = jobs(held(false), 2).start(ImportTarget.CONTACTS, FILE, null, "a.csv", ACTOR);
		assertThatThrownBy(() -> jobs.job(started.id(), ACTOR + 1)).isInstanceOf(app.rapport.shared.NotFoundException.class);
		assertThatThrownBy(() -> jobs.job(started.id(), null)).isInstanceOf(app.rapport.shared.NotFoundException.class);
	}

}
