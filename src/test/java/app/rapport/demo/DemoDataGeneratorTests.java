package app.rapport.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import app.rapport.identity.Role;
import app.rapport.support.TestDatabase;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk generator against a freshly migrated database of its own (H2, or PostgreSQL in that run). */
@Tag("database")
class DemoDataGeneratorTests {

	static final DemoContent CONTENT = DemoContent.load(new DefaultResourceLoader(), "classpath:demo/");

	static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);

	@Test
	void writesEveryTypeStateAndPriorityWithNaturalConversations() {
		Database db = freshDatabase();
		GenerationReport report = new DemoDataGenerator(db.dataSource(), CLOCK).generate(CONTENT, db.team(),
				new GenerationPlan(30, 120, 300, 0, 7, 64));
		JdbcTemplate jdbc = db.jdbc();

		assertThat(report.tickets()).isEqualTo(300);
		assertThat(count(jdbc, "select count(*) from organization")).isEqualTo(30);
		assertThat(count(jdbc, "select count(*) from contact")).isEqualTo(120);
		assertThat(count(jdbc, "select count(*) from ticket")).isEqualTo(300);
		assertThat(count(jdbc, "select count(*) from message")).isEqualTo(report.messages()).isGreaterThan(600);
		assertThat(jdbc.queryForList("select distinct type from ticket", String.class))
			.containsExactlyInAnyOrder(names(TicketType.values()));
		assertThat(jdbc.queryForList("select distinct state from ticket", String.class))
			.containsExactlyInAnyOrder(names(TicketState.values()));
		assertThat(jdbc.queryForList("select distinct priority from ticket", String.class))
			.containsExactlyInAnyOrder(names(Priority.values()));
		assertThat(jdbc.queryForList("select distinct c.language from ticket t join contact c on c.id = t.requester_id",
				String.class))
			.containsExactlyInAnyOrder("en", "zh-CN", "zh-TW", "bg");
		assertThat(count(jdbc, "select count(*) from message where body_text like '%{agent}%' or body_text like '%{customer}%'"))
			.isZero();
		assertThat(count(jdbc, "select count(*) from ticket where created_at > ? or updated_at > ? or updated_at < created_at",
				CLOCK.instant().atOffset(ZoneOffset.UTC), CLOCK.instant().atOffset(ZoneOffset.UTC)))
			.isZero();
		assertThat(count(jdbc, "select count(*) from ticket where state <> 'NEW' and owner_id is null")).isZero();
		assertThat(count(jdbc, "select count(*) from ticket where state = 'CLOSED' and (closed_at is null or solved_at is null)"))
			.isZero();
		// One timeline entry for each ticket opened and one for every later message.
		assertThat(count(jdbc, "select count(*) from timeline_entry")).isEqualTo(report.messages());
		assertThat(count(jdbc, "select count(*) from contact c where not exists "
				+ "(select 1 from contact_email e where e.contact_id = c.id and e.email = c.primary_email)")).isZero();
		assertThat(count(jdbc, "select count(*) from (select email from contact_email group by email having count(*) > 1) d"))
			.isZero();
	}

	@Test
	void restartsEverySequenceAboveTheIdsItWrote() {
		Database db = freshDatabase();
		new DemoDataGenerator(db.dataSource(), CLOCK).generate(CONTENT, db.team(), new GenerationPlan(5, 40, 60, 3, 1, 25));
		for (String table : List.of("organization", "contact", "ticket", "message", "timeline_entry", "audit_entry")) {
			long maxId = count(db.jdbc(), "select max(id) from " + table);
			long next = db.nextValue(table + "_seq");
			// Hibernate's pooled optimizer uses next-49 .. next for the value it reads.
			assertThat(next - 49).as(table).isGreaterThan(maxId);
		}
	}

	@Test
	void meetsTheAverageNumberOfMessagesPerTicket() {
		Database db = freshDatabase();
		GenerationReport report = new DemoDataGenerator(db.dataSource(), CLOCK).generate(CONTENT, db.team(),
				new GenerationPlan(10, 100, 1_000, 5, 3, 250));
		assertThat(report.messages()).isBetween(4_800L, 5_200L);
		assertThat(count(db.jdbc(), "select max(c) from (select count(*) c from message group by ticket_id) x"))
			.isLessThanOrEqualTo(15);
	}

	@Test
	void producesTheSameDataForTheSameSeed() {
		Database first = freshDatabase();
		Database second = freshDatabase();
		GenerationPlan plan = new GenerationPlan(8, 50, 80, 0, 42, 30);
		new DemoDataGenerator(first.dataSource(), CLOCK).generate(CONTENT, first.team(), plan);
		new DemoDataGenerator(second.dataSource(), CLOCK).generate(CONTENT, second.team(), plan);
		String query = "select t.subject || '|' || t.state || '|' || c.name from ticket t join contact c on c.id = t.requester_id "
				+ "order by t.id";
		assertThat(second.jdbc().queryForList(query, String.class))
			.isEqualTo(first.jdbc().queryForList(query, String.class))
			.hasSize(80);
	}

	private static long count(JdbcTemplate jdbc, String sql, Object... args) {
		Long value = jdbc.queryForObject(sql, Long.class, args);
		return value == null ? 0 : value;
	}

	private static String[] names(Enum<?>[] values) {
		String[] out = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = values[i].name();
		}
		return out;
	}

	/** A migrated, empty database with two groups and three people to route tickets to. */
	record Database(DataSource dataSource, JdbcTemplate jdbc, DemoTeam team, boolean postgres) {

		long nextValue(String sequence) {
			Long v = jdbc.queryForObject(postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence,
					Long.class);
			return v == null ? 0 : v;
		}

	}

	static Database freshDatabase() {
		DriverManagerDataSource dataSource;
		boolean postgres = TestDatabase.isPostgres();
		if (postgres) {
			String base = env("RAPPORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
			String user = env("RAPPORT_TEST_PG_USER", "postgres");
			String password = env("RAPPORT_TEST_PG_PASSWORD", "");
			String name = "rapport_gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			try (Connection c = DriverManager.getConnection(base + "postgres", user, password);
					Statement s = c.createStatement()) {
				s.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL is not reachable at " + base, ex);
			}
			dataSource = new DriverManagerDataSource(base + name, user, password);
		}
		else {
			dataSource = new DriverManagerDataSource("jdbc:h2:mem:gen-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		}
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2"))
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		java.sql.Timestamp created = java.sql.Timestamp.from(CLOCK.instant());
		jdbc.update("insert into agent_group (id, name, assignment_mode, created_at, version) values "
				+ "(1, 'Support', 'MANUAL', ?, 0), (2, 'Returns', 'MANUAL', ?, 0)", created, created);
		Object[][] users = { { 1, "ana@example.test", "Ana Ivanova", "AGENT", "bg" },
				{ 2, "wei@example.test", "王伟", "AGENT", "zh-CN" }, { 3, "sam@example.test", "Sam Hill", "SUPERVISOR", "en" } };
		for (Object[] u : users) {
			jdbc.update("insert into app_user (id, email, display_name, role, language, time_zone, active, failed_sign_ins, "
					+ "created_at, version) values (?, ?, ?, ?, ?, 'UTC', true, 0, ?, 0)", u[0], u[1], u[2], u[3], u[4], created);
		}
		jdbc.update("insert into group_member (user_id, group_id) values (1, 1), (2, 1), (3, 1), (3, 2)");
		DemoTeam team = new DemoTeam(List.of(new DemoTeam.Group(1, "Support"), new DemoTeam.Group(2, "Returns")),
				List.of(new DemoTeam.Member(1, "Ana Ivanova", Role.AGENT, Set.of("bg", "en"), Set.of(1L)),
						new DemoTeam.Member(2, "王伟", Role.AGENT, Set.of("zh-CN", "zh-TW"), Set.of(1L)),
						new DemoTeam.Member(3, "Sam Hill", Role.SUPERVISOR, Set.of("en"), Set.of(1L, 2L))),
				Map.of(DemoTeam.RETURNS, 2L));
		return new Database(dataSource, jdbc, team, postgres);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
