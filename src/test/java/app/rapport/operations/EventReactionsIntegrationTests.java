package app.rapport.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.RapportApplication;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.Reactions;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketActivity;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactions to events run after the write that caused them and never undo it: one that throws leaves its
 * publication failed and visible to admins, is retried (by an admin, by the retry schedule, or by a node
 * starting), completes once, and a redelivered event changes nothing. The failure is real: the reaction's
 * table is renamed away while the ticket is written. The automatic retry waits an hour here, so that what
 * retries is the step under test.
 */
@RapportIntegrationTest
@TestPropertySource(properties = { "rapport.events.first-retry-delay=1h", "rapport.events.max-retry-delay=1h" })
class EventReactionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reactions reactions;

	@Autowired
	EventReactions eventReactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	org.springframework.modulith.events.core.EventSerializer serializer;

	@Autowired
	javax.sql.DataSource dataSource;

	GroupSummary group;

	UserSummary agent;

	Api agentApi;

	@BeforeEach
	void setUp() {
		group = users.group(AssignmentMode.MANUAL);
		agent = users.agentIn(group);
		agentApi = Api.at(port).withToken(users.token(agent, "read", "write"));
	}

	@AfterEach
	void putTheTableBack() {
		if (count("select count(*) from information_schema.tables where lower(table_name) = 'commitment_fact_away'") > 0) {
			jdbc.execute("alter table commitment_fact_away rename to commitment_fact");
		}
		eventReactions.retryAllNow();
		reactions.settle();
	}

	@Test
	void aFailingReactionLeavesTheTicketCommittedAndAnAdminsRetryCompletesItOnce() {
		jdbc.execute("alter table commitment_fact rename to commitment_fact_away");
		long ticket = openTicket("Die Rechnung ist falsch");
		reactions.settle();

		// The ticket is there, its clocks are not; the failed reaction waits and is on the admin page.
		assertThat(agentApi.get("/api/v1/tickets/" + ticket).status()).isEqualTo(200);
		assertThat(count("select count(*) from commitment_ticket where ticket_id = " + ticket)).isZero();
		UUID failed = failedClockReaction();
		WebSession admin = WebSession.at(port);
		admin.signIn(users.user(Role.ADMIN).email(), TestUsers.PASSWORD);
		WebSession.Page page = admin.get("/admin/operations");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Update commitment clocks", "Ticket changed", "Failed", "Retry now", "Search index")
			.doesNotContain("ClockKeeper", "TicketActivity", "FAILED");

		jdbc.execute("alter table commitment_fact_away rename to commitment_fact");
		WebSession.Page retried = admin.post("/admin/operations/reactions/" + failed + "/retry", Map.of());
		assertThat(retried.status()).isEqualTo(302);
		reactions.settle();

		assertThat(count("select count(*) from event_publication where id = '" + failed + "'")).isZero();
		assertThat(count("select count(*) from commitment_fact where ticket_id = " + ticket)).isEqualTo(1);
		assertThat(clockKinds(ticket)).contains("first_response", "resolution");
		assertThat(admin.get("/admin/operations").body()).doesNotContain("/reactions/" + failed + "/retry");
	}

	@Test
	void theRetryScheduleAndTheAdminPageAreForAdminsOnly() {
		WebSession browser = WebSession.at(port);
		browser.signIn(users.user(Role.SUPERVISOR).email(), TestUsers.PASSWORD);
		assertThat(browser.get("/admin/operations").status()).isEqualTo(403);
		assertThat(browser.post("/admin/operations/reactions/retry", Map.of()).status()).isEqualTo(403);
		assertThat(browser.post("/admin/operations/reactions/" + UUID.randomUUID() + "/retry", Map.of()).status())
			.isEqualTo(403);
		WebSession admin = WebSession.at(port);
		admin.signIn(users.user(Role.ADMIN, "bg").email(), TestUsers.PASSWORD);
		assertThat(admin.post("/admin/operations/reactions/" + UUID.randomUUID() + "/retry", Map.of()).status())
			.isEqualTo(302);
		assertThat(admin.get("/admin/operations").body()).contains("Фонова работа", "Тази реакция вече не е неуспешна");
		long before = count("select count(*) from event_publication");
		assertThat(admin.post("/admin/operations/reactions/not-a-uuid/retry", Map.of()).status()).isEqualTo(400);
		assertThat(count("select count(*) from event_publication")).isEqualTo(before);
	}

	/**
	 * A reaction that did its work but whose completion was never recorded (the node died between the two)
	 * is delivered again: the same publication row comes back, failed, and is retried. Twice here.
	 */
	@Test
	void aRedeliveredTicketEventAddsOneFactAndARedeliveredBreachTellsEachPersonOnce() {
		long ticket = openTicket("Доставката закъснява");
		reactions.settle();
		long factsBefore = count("select count(*) from commitment_fact where ticket_id = " + ticket);
		TicketActivity change = new TicketActivity(UUID.randomUUID(), TicketActivity.Kind.CHANGED, Instant.now(), ticket,
				"Доставката закъснява", TicketType.QUESTION, Priority.HIGH, TicketState.OPEN,
				jdbc.queryForObject("select requester_id from ticket where id = " + ticket, Long.class), null, group.id(),
				agent.id());
		tx.executeWithoutResult(s -> events.publishEvent(change));
		reactions.settle();
		assertThat(count("select count(*) from commitment_fact where ticket_id = " + ticket)).isEqualTo(factsBefore + 1);
		redeliver(change, "app.rapport.commitment.ClockKeeper.on(app.rapport.ticket.TicketActivity)");
		redeliver(change, "app.rapport.commitment.ClockKeeper.on(app.rapport.ticket.TicketActivity)");
		assertThat(count("select count(*) from commitment_fact where ticket_id = " + ticket)).isEqualTo(factsBefore + 1);

		long plan = jdbc.queryForObject("select plan_id from commitment_ticket where ticket_id = " + ticket, Long.class);
		long clockId = jdbc.queryForObject("select min(id) from commitment_clock where ticket_id = " + ticket, Long.class);
		var breached = new app.rapport.commitment.CommitmentBreached(987_654_321L + ticket, clockId, ticket,
				app.rapport.commitment.Commitment.FIRST_RESPONSE, 1, Instant.now(), agent.id(), group.id(), plan,
				Instant.now());
		tx.executeWithoutResult(s -> events.publishEvent(breached));
		reactions.settle();
		String told = "select count(*) from notification where user_id = " + agent.id() + " and about = 'breach:"
				+ breached.breachId() + "'";
		assertThat(count(told)).isEqualTo(1);
		redeliver(breached,
				"app.rapport.commitment.CommitmentAlerts.on(app.rapport.commitment.CommitmentBreached)");
		assertThat(count(told)).isEqualTo(1);
	}

	/** Puts the event's publication for the listener back as failed, retries it now and waits for it. */
	void redeliver(Object event, String listenerId) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
				+ "status, completion_attempts) values (?, ?, ?, ?, ?, 'FAILED', 0)", id, listenerId, event.getClass().getName(),
				serializer.serialize(event).toString(), java.sql.Timestamp.from(Instant.now()));
		assertThat(eventReactions.retryNow(id)).isTrue();
		reactions.settle();
		assertThat(count("select count(*) from event_publication where id = '" + id + "'")).as("redelivery completed")
			.isZero();
	}

	@Test
	void aNodeStartingResubmitsWhatFailedBefore() {
		jdbc.execute("alter table commitment_fact rename to commitment_fact_away");
		long ticket = openTicket("Mot de passe oublié");
		reactions.settle();
		UUID failed = failedClockReaction();
		jdbc.execute("alter table commitment_fact_away rename to commitment_fact");

		HikariDataSource hikari = (HikariDataSource) dataSource;
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(RapportApplication.class)
			.profiles("test")
			// Arguments outrank application-test.yml (default properties do not): the same database, and no
			// retry on a schedule, so that what completes the reaction is the start.
			.run("--server.port=0", "--spring.datasource.url=" + hikari.getJdbcUrl(),
					"--spring.datasource.username=" + hikari.getUsername(),
					"--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
					"--rapport.events.first-retry-delay=1h", "--rapport.events.max-retry-delay=1h",
					"--rapport.commitments.adopt-on-start=false")) {
			Awaitility.await("the restarted node to complete the failed reaction")
				.atMost(Duration.ofSeconds(20))
				.until(() -> count("select count(*) from event_publication where id = '" + failed + "'") == 0);
		}
		assertThat(count("select count(*) from commitment_fact where ticket_id = " + ticket)).isEqualTo(1);
		assertThat(clockKinds(ticket)).contains("first_response");
	}

	long openTicket(String subject) {
		Api.Response opened = agentApi.post("/api/v1/tickets", Map.of("subject", subject, "body", "Bitte helfen.",
				"requester", Map.of("email", "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"),
				"groupId", group.id()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("id").asLong();
	}

	UUID failedClockReaction() {
		List<UUID> ids = jdbc.queryForList("select id from event_publication where status = 'FAILED' and listener_id like '%ClockKeeper%'", UUID.class);
		assertThat(ids).as("a failed clock reaction").isNotEmpty();
		return ids.get(0);
	}

	List<String> clockKinds(long ticket) {
		Api.Response clocks = agentApi.get("/api/v1/tickets/" + ticket + "/clocks");
		assertThat(clocks.status()).as(clocks.body()).isEqualTo(200);
		return clocks.json().findValuesAsString("commitment");
	}

	long count(String sql) {
		Long n = jdbc.queryForObject(sql, Long.class);
		return n == null ? 0 : n;
	}

}
