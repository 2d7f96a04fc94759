package app.rapport.demo;

import java.util.List;

import app.rapport.support.RapportIntegrationTest;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one test context that starts with demo data switched on, as a fresh installation does. */
@RapportIntegrationTest
@TestPropertySource(properties = "rapport.demo-data=on")
class DemoDataIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoDataRunner runner;

	@Test
	void startsWithTheDemoCompany() {
		assertThat(count("select count(*) from organization")).isEqualTo(30);
		assertThat(count("select count(*) from contact")).isGreaterThanOrEqualTo(200);
		assertThat(count("select count(*) from ticket")).isEqualTo(1_000);
		assertThat(count("select count(*) from message")).isGreaterThan(2_000);
		assertThat(jdbc.queryForList("select distinct type from ticket", String.class))
			.containsExactlyInAnyOrder(java.util.Arrays.stream(TicketType.values()).map(Enum::name).toArray(String[]::new));
		assertThat(jdbc.queryForList("select distinct state from ticket", String.class))
			.containsExactlyInAnyOrder(java.util.Arrays.stream(TicketState.values()).map(Enum::name).toArray(String[]::new));
		assertThat(jdbc.queryForList("select name from agent_group", String.class)).contains("Support", "Billing",
				"Returns", "客户服务", "Поддръжка");
	}

	@Test
	void keepsTheClocksOfEveryDemoTicketWithPlansAndExplainedBreaches() {
		assertThat(jdbc.queryForList("select name from service_plan", String.class)).contains("Platinum", "Gold", "Basic",
				"Standard");
		assertThat(count("select count(*) from plan_assignment where target_kind = 'organization'")).isEqualTo(24);
		assertThat(count("select count(*) from commitment_ticket")).isEqualTo(1_000);
		assertThat(count("select count(distinct ticket_id) from commitment_clock")).isEqualTo(1_000);
		long breaches = count("select count(*) from breach");
		long explained = count("select count(*) from breach where reason_key is not null");
		assertThat(breaches).isGreaterThan(10);
		assertThat(explained).isBetween(breaches / 2, breaches - 1);
		// Past breaches are recorded as noticed when they happened: nothing is left for the detector to announce.
		assertThat(count("select count(*) from commitment_clock where next_check_at < ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))).isZero();
	}

	@Test
	void writesTicketsInAllFourLanguages() {
		for (String language : List.of("en", "zh-CN", "zh-TW", "bg")) {
			assertThat(count("select count(*) from ticket t join contact c on c.id = t.requester_id where c.language = ?",
					language))
				.as(language)
				.isGreaterThan(20);
		}
		List<String> subjects = jdbc.queryForList("select subject from ticket", String.class);
		assertThat(subjects).anyMatch(s -> s.matches(".*\\p{IsCyrillic}.*"));
		assertThat(subjects).anyMatch(s -> s.matches(".*\\p{IsHan}.*"));
		assertThat(subjects).anyMatch(s -> s.matches("[\\p{IsLatin}\\p{Punct}\\p{Digit}\\s–’]+"));
		// Simplified and Traditional Chinese are told apart by characters only one of them uses.
		assertThat(jdbc.queryForList("select m.body_text from message m join ticket t on t.id = m.ticket_id "
				+ "join contact c on c.id = t.requester_id where c.language = 'zh-TW'", String.class))
			.anyMatch(s -> s.contains("這") || s.contains("們") || s.contains("題"));
		assertThat(subjects).contains("客户投诉处理延迟");
		assertThat(count("select count(*) from message where body_text like '%{agent}%' or body_text like '%{customer}%'"))
			.isZero();
	}

	@Test
	void givesEveryDemoUserAGeneratedPassword() {
		List<String> hashes = jdbc.queryForList("select password_hash from app_user where email like ?", String.class,
				"%@" + DemoTeamBuilder.EMAIL_DOMAIN);
		assertThat(hashes).hasSizeGreaterThanOrEqualTo(11).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(jdbc.queryForList("select distinct role from app_user where email like ?", String.class,
				"%@" + DemoTeamBuilder.EMAIL_DOMAIN))
			.containsExactlyInAnyOrder("SUPERVISOR", "AGENT", "ANALYST");
		assertThat(count("select count(distinct l.language) from user_language l join app_user u on u.id = l.user_id "
				+ "where u.role = 'AGENT'")).isEqualTo(4);
	}

	@Test
	void leavesADatabaseWithOrganizationsAlone() {
		long tickets = count("select count(*) from ticket");
		runner.run(new DefaultApplicationArguments());
		assertThat(count("select count(*) from ticket")).isEqualTo(tickets);
		assertThat(count("select count(*) from organization")).isEqualTo(30);
	}

	private long count(String sql, Object... args) {
		Long value = jdbc.queryForObject(sql, Long.class, args);
		return value == null ? 0 : value;
	}

}
