package app.rapport.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps reactions to events going and shows what is outstanding. Every node looks for failed reactions
 * every {@code rapport.events.retry-check-interval} and resubmits those whose backoff has passed; the
 * registry claims each publication with one conditional update, so that one node takes it. What a node
 * left in flight when it died is marked failed by the registry's staleness check and then retried here;
 * when a node is ready, every publication left incomplete before it started is resubmitted (ADR 14).
 */
@Service
public class EventReactions implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(EventReactions.class);

	/** Failed publications read per retry round, oldest first. */
	static final int RETRY_BATCH = 1000;

	private static final String COLUMNS = "id, event_type, listener_id, publication_date, status, completion_attempts, "
			+ "last_resubmission_date";

	private final JdbcTemplate jdbc;

	private final FailedEventPublications failed;

	private final IncompleteEventPublications incomplete;

	private final RetryBackoff backoff;

	private final Clock clock;

	EventReactions(JdbcTemplate jdbc, FailedEventPublications failed, IncompleteEventPublications incomplete, Clock clock,
			@Value("${rapport.events.first-retry-delay:1s}") Duration firstRetry,
			@Value("${rapport.events.max-retry-delay:5m}") Duration maxRetry) {
		this.jdbc = jdbc;
		this.failed = failed;
		this.incomplete = incomplete;
		this.clock = clock;
		this.backoff = new RetryBackoff(firstRetry, maxRetry);
	}

	/** Resubmits the failed reactions whose backoff has passed. */
	@Scheduled(fixedDelayString = "${rapport.events.retry-check-interval:1s}",
			initialDelayString = "${rapport.events.retry-check-interval:1s}")
	public void retryDue() {
		Instant now = clock.instant();
		try {
			failed.resubmit(ResubmissionOptions.defaults()
				.withBatchSize(RETRY_BATCH)
				.withFilter(p -> backoff.isDue(p.getPublicationDate(), p.getLastResubmissionDate(),
						p.getCompletionAttempts(), now)));
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.warn("Could not look for failed reactions to retry: {}", ex.toString());
		}
	}

	/**
	 * When this node is ready: everything left incomplete before it started (failed, or in flight in a
	 * process that died) is handed to its listener again at once, whatever its backoff. Publications another
	 * live node is running may be handed over twice; reactions are idempotent.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void resubmitOnStart() {
		Instant started = clock.instant();
		try {
			incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(started));
		}
		catch (RuntimeException ex) {
			log.warn("Could not resubmit incomplete reactions at start: {}", ex.toString());
		}
	}

	/** Resubmits one failed reaction now, whatever its backoff; false when it is not (or no longer) failed. */
	public boolean retryNow(UUID id) {
		Integer found = jdbc.queryForObject(
				"select count(*) from event_publication where id = ? and status = 'FAILED'", Integer.class, id);
		if (found == null || found == 0) {
			return false;
		}
		failed.resubmit(ResubmissionOptions.defaults()
			.withBatchSize(RETRY_BATCH)
			.withFilter((EventPublication p) -> p.getIdentifier().equals(id)));
		return true;
	}

	/** Resubmits every failed reaction now (the oldest {@value #RETRY_BATCH}), whatever their backoff. */
	public void retryAllNow() {
		failed.resubmit(ResubmissionOptions.defaults().withBatchSize(RETRY_BATCH));
	}

	/** Counts of what is outstanding; the table holds only incomplete publications, so this stays small. */
	public ReactionsSummary summary() {
		return jdbc.queryForObject("select count(*), sum(case when status = 'FAILED' then 1 else 0 end), "
				+ "min(publication_date) from event_publication where completion_date is null",
				(rs, i) -> new ReactionsSummary(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3))));
	}

	/** A page of outstanding reactions, oldest first. */
	public Page<PendingReaction> outstanding(Pageable pageable) {
		List<PendingReaction> rows = jdbc.query("select " + COLUMNS
				+ " from event_publication where completion_date is null order by publication_date, id offset ? rows fetch next ? rows only",
				(rs, i) -> row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						instant(rs.getTimestamp(4)), rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7))),
				pageable.getOffset(), pageable.getPageSize());
		return new PageImpl<>(rows, pageable, summary().incomplete());
	}

	private PendingReaction row(UUID id, String eventType, String listenerId, Instant published, String status,
			int attempts, Instant lastResubmitted) {
		PendingReaction.Status state = PendingReaction.Status.of(status);
		Instant next = state == PendingReaction.Status.FAILED ? backoff.nextAttempt(published, lastResubmitted, attempts)
				: null;
		return new PendingReaction(id, simpleName(eventType), reactionName(listenerId), published, state, attempts,
				lastResubmitted, next);
	}

	/** {@code app.rapport.ticket.TicketActivity} → {@code TicketActivity}. */
	static String simpleName(String className) {
		String name = className.substring(className.lastIndexOf('.') + 1);
		return name.substring(name.lastIndexOf('$') + 1);
	}

	/** {@code app.rapport.commitment.ClockKeeper.on(app.rapport.ticket.TicketActivity)} → {@code ClockKeeper}. */
	static String reactionName(String listenerId) {
		int paren = listenerId.indexOf('(');
		String method = paren < 0 ? listenerId : listenerId.substring(0, paren);
		int dot = method.lastIndexOf('.');
		return simpleName(dot < 0 ? method : method.substring(0, dot));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("rapport.reactions.incomplete", () -> summary().incomplete())
			.description("Reactions to events not completed yet (waiting, running or failed)")
			.register(registry);
		Gauge.builder("rapport.reactions.failed", () -> summary().failed())
			.description("Reactions to events that failed and wait for their next try")
			.register(registry);
		Gauge.builder("rapport.reactions.oldest.age", () -> summary().oldestAge(clock.instant()).toMillis() / 1000.0)
			.description("How long the oldest incomplete reaction has waited")
			.baseUnit("seconds")
			.register(registry);
	}

}
