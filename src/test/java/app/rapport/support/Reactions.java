package app.rapport.support;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Waits for the background work that follows a commit (reactions to events: clocks, notifications, mail;
 * recomputes of running clocks after a plan or calendar change; search indexing): a test that checks what it wrote waits
 * until none is outstanding, not for a fixed time.
 */
@Component
public class Reactions {

	private final JdbcTemplate jdbc;

	Reactions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits (at most 20 s) until no reaction is waiting or running: each has completed or failed (a failed
	 * one waits for its retry, which a test may wait for with {@link #failed()}).
	 */
	public void settle() {
		try {
			Awaitility.await("reactions to events to complete")
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> inFlight() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("Reactions still in flight after 20 s: " + jdbc.queryForList(
					"select listener_id, event_type, status, publication_date, completion_attempts from event_publication "
							+ "where completion_date is null and (status is null or status <> 'FAILED')"), ex);
		}
	}

	/**
	 * How many publications wait for their first try, run, or were handed over again, plus the background
	 * recomputes of running clocks not finished yet and the changes not yet in the search index.
	 */
	public long inFlight() {
		Long n = jdbc.queryForObject("select (select count(*) from event_publication where completion_date is null "
				+ "and (status is null or status <> 'FAILED')) + (select count(*) from commitment_recompute where finished_at is null)"
				+ " + (select count(*) from search_pending)",
				Long.class);
		return n == null ? 0 : n;
	}

	/** How many publications are not completed (waiting, running or failed). */
	public long outstanding() {
		Long n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
		return n == null ? 0 : n;
	}

	/** How many publications failed and wait for a retry. */
	public long failed() {
		Long n = jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED'", Long.class);
		return n == null ? 0 : n;
	}

}
