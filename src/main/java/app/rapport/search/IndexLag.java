package app.rapport.search;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the search index is behind the database: the age of the oldest change not yet indexed, and how
 * many changes wait. Also the metrics {@code rapport.search.index.lag} (seconds) and
 * {@code rapport.search.index.pending}.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class IndexLag implements MeterBinder {

	private final PendingIndexWork work;

	private final JdbcTemplate jdbc;

	IndexLag(PendingIndexWork work, JdbcTemplate jdbc) {
		this.work = work;
		this.jdbc = jdbc;
	}

	/** The age of the oldest change not yet in the index; zero when it is up to date. */
	public Duration lag() {
		return work.lag();
	}

	/** Changes waiting to be indexed (rows of {@code search_pending}: a small table, counted on demand). */
	public long pending() {
		Long n = jdbc.queryForObject("select count(*) from search_pending", Long.class);
		return n == null ? 0 : n;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("rapport.search.index.lag", () -> lag().toMillis() / 1000.0)
			.description("Age of the oldest change not yet in the search index")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("rapport.search.index.pending", this::pending)
			.description("Changes waiting to be indexed")
			.register(registry);
	}

}
