package app.rapport.support;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the queries Hibernate sends, per thread, so that a test can show how many round trips an
 * operation takes (sequence increments are not counted: they come once per allocation of 50 ids).
 * Installed for every test context by {@code application-test.yml}.
 */
public class StatementCounter implements StatementInspector {

	private static final Map<String, AtomicInteger> SELECTS = new ConcurrentHashMap<>();

	@Override
	public String inspect(String sql) {
		String s = sql.stripLeading().toLowerCase(Locale.ROOT);
		if (s.startsWith("select") && !s.contains("nextval") && !s.contains("next value for")) {
			SELECTS.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicInteger()).incrementAndGet();
		}
		return sql;
	}

	/** Queries sent so far from threads whose name starts with {@code prefix}. */
	public static int selects(String threadNamePrefix) {
		return SELECTS.entrySet().stream().filter(e -> e.getKey().startsWith(threadNamePrefix)).mapToInt(e -> e.getValue().get()).sum();
	}

	/** Queries sent so far from the calling thread. */
	public static int selectsOnThisThread() {
		AtomicInteger n = SELECTS.get(Thread.currentThread().getName());
		return n == null ? 0 : n.get();
	}

}
