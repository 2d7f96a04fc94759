package app.rapport.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at H2 (default) or, with {@code -Drapport.test.database=postgresql}, at a fresh
 * PostgreSQL database of its own. PostgreSQL that cannot be reached fails the test: never a silent skip.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("rapport.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!isPostgres()) {
			return;
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("rapport-test-postgres",
					Map.of("spring.datasource.url", createPostgresDatabase(), "spring.datasource.username",
							postgresUser(), "spring.datasource.password", postgresPassword())));
	}

	/** Creates a fresh PostgreSQL database, dropped when the test JVM ends, and returns its JDBC URL. */
	public static String createPostgresDatabase() {
		String base = env("RAPPORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
		String user = postgresUser();
		String password = postgresPassword();
		String database = "rapport_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
				Statement s = c.createStatement()) {
			s.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL tests need a server at " + base
					+ " (set RAPPORT_TEST_PG_URL/USER/PASSWORD, or skip them explicitly with -Dpostgres.skip=true): "
					+ ex.getMessage(), ex);
		}
		// Each test context gets its own database; drop it when the test JVM ends.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
					Statement s = c.createStatement()) {
				s.execute("drop database if exists " + database + " with (force)");
			}
			catch (SQLException ignored) {
				// Best effort: a left-over test database does no harm.
			}
		}));
		return base + database;
	}

	public static String postgresUser() {
		return env("RAPPORT_TEST_PG_USER", "postgres");
	}

	public static String postgresPassword() {
		return env("RAPPORT_TEST_PG_PASSWORD", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
