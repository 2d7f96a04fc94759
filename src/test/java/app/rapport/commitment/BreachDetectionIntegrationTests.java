package app.rapport.commitment;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import app.rapport.RapportApplication;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.MutableClock;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breach and at-risk detection with two application nodes on one database (H2 in this JVM, or the
 * PostgreSQL run's database), both detectors running every 200 ms on one shared clock that the test moves:
 * each event is noticed exactly once, within the detection interval, with notifications and escalation.
 */
@RapportIntegrationTest
@Import(BreachDetectionIntegrationTests.Node.class)
@TestPropertySource(properties = { "rapport.commitments.detector.interval=200ms",
		"rapport.commitments.detector.initial-delay=0s", "rapport.test.node=A" })
class BreachDetectionIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

	/** "node:event:clockId" for every at-risk and breach event any node published. */
	static final List<String> EVENTS = new CopyOnWriteArrayList<>();

	static ConfigurableApplicationContext secondNode;

	/** The shared clock, and a recorder of the events each node publishes. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Node {

		@Bean
		@Primary
		java.time.Clock testClock() {
			return CLOCK;
		}

		@Bean
		EventRecorder eventRecorder(@Value("${rapport.test.node}") String node) {
			return new EventRecorder(node);
		}

	}

	record EventRecorder(String node) {

		@EventListener
		void on(CommitmentAtRisk e) {
			EVENTS.add(node + ":at-risk:" + e.clockId());
		}

		@EventListener
		void on(CommitmentBreached e) {
			EVENTS.add(node + ":breached:" + e.clockId());
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	DataSource dataSource;

	@Autowired
	BreachDetector detector;

	@Autowired
	app.rapport.support.Reactions reactions;

	Api supervisor;

	Api agentApi;

	UserSummary agent;

	UserSummary escalationManager;

	GroupSummary group;

	@BeforeEach
	void setUp() {
		if (secondNode == null) {
			HikariDataSource hikari = (HikariDataSource) dataSource;
			// Arguments outrank application-test.yml (default properties do not): the same database.
			secondNode = new SpringApplicationBuilder(RapportApplication.class, Node.class).profiles("test")
				.run("--server.port=0", "--spring.datasource.url=" + hikari.getJdbcUrl(),
						"--spring.datasource.username=" + hikari.getUsername(),
						"--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
						"--rapport.test.node=B", "--rapport.commitments.detector.interval=200ms",
						"--rapport.commitments.detector.initial-delay=0s");
		}
		group = users.group(AssignmentMode.MANUAL);
		agent = users.agentIn(group);
		escalationManager = users.user(Role.SUPERVISOR);
		supervisor = Api.at(port).withToken(users.token(users.user(Role.SUPERVISOR), "read", "write"));
		agentApi = Api.at(port).withToken(users.token(agent, "read", "write"));
	}

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	/** A plan on a round-the-clock calendar: first response in 10 minutes, at risk at 80 %. */
	long fastPlan(String name, Map<String, Object> escalation) {
		Api.Response calendar = supervisor.post("/api/v1/calendars",
				Map.of("name", "Always " + name, "timeZone", "UTC", "workingHours",
						Map.of("MONDAY", List.of(List.of("00:00", "00:00")), "TUESDAY", List.of(List.of("00:00", "00:00")),
								"WEDNESDAY", List.of(List.of("00:00", "00:00")), "THURSDAY",
								List.of(List.of("00:00", "00:00")), "FRIDAY", List.of(List.of("00:00", "00:00")),
								"SATURDAY", List.of(List.of("00:00", "00:00")), "SUNDAY",
								List.of(List.of("00:00", "00:00")))));
		assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
		Api.Response plan = supervisor.post("/api/v1/plans",
				Map.of("name", name, "calendarId", calendar.json().get("id").asLong(), "targets",
						List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 10, "nextUpdateMinutes", 30,
								"resolutionMinutes", 120)),
						"escalations", escalation == null ? List.of() : List.of(escalation)));
		assertThat(plan.status()).as(plan.body()).isEqualTo(201);
		return plan.json().get("id").asLong();
	}

	long openTicketOnPlan(long planId) {
		ContactSummary contact = customers.findOrCreateByEmail(
				"c-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com", "Kunde", "bg");
		Api.Response assigned = supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", planId));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		Api.Response ticket = agentApi.post("/api/v1/tickets", Map.of("subject", "Доставката закъснява", "body",
				"Where is my parcel?", "requester", Map.of("id", contact.id()), "groupId", group.id()));
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
		long id = ticket.json().get("id").asLong();
		Api.Response owned = agentApi.patch("/api/v1/tickets/" + id,
				Map.of("ownerId", agent.id(), "version", ticket.json().get("version").asLong()), Map.of());
		assertThat(owned.status()).as(owned.body()).isEqualTo(200);
		reactions.settle();
		return id;
	}

	JsonNode clock(long ticketId, String commitment) {
		Api.Response clocks = agentApi.get("/api/v1/tickets/" + ticketId + "/clocks");
		assertThat(clocks.status()).as(clocks.body()).isEqualTo(200);
		for (JsonNode c : clocks.json()) {
			if (c.get("commitment").asString().equals(commitment)) {
				return c;
			}
		}
		throw new AssertionError("no " + commitment + " clock in " + clocks.body());
	}

	static List<String> events(String kind, long clockId) {
		return EVENTS.stream().filter(e -> e.endsWith(":" + kind + ":" + clockId)).toList();
	}

	/**
	 * Waits until each node's detector has finished {@code n} more passes: what they would have noticed by
	 * then, they have (checks that nothing more happens wait for this, not for a time).
	 */
	void awaitPassesOnBothNodes(int n) throws InterruptedException {
		BreachDetector here = detector;
		BreachDetector there = secondNode.getBean(BreachDetector.class);
		long hereFrom = here.passes(), thereFrom = there.passes();
		await(n + " detection passes on both nodes", () -> here.passes() >= hereFrom + n && there.passes() >= thereFrom + n);
	}

	/** Waits (real time) until the condition holds; the detectors tick every 200 ms. */
	static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what + "; events: " + EVENTS);
			}
			Thread.sleep(50);
		}
	}

	@Test
	void atRiskAndBreachAreNoticedOnceByOneOfTwoNodesWithNotificationsAndEscalation() throws Exception {
		long plan = fastPlan("Fast " + System.nanoTime(),
				Map.of("trigger", "breached", "commitment", "first_response", "raisePriority", "URGENT",
						"notifyUserId", escalationManager.id()));
		long ticket = openTicketOnPlan(plan);
		JsonNode first = clock(ticket, "first_response");
		assertThat(first.get("state").asString()).isEqualTo("running");
		long clockId = clockIdOf(ticket, "first_response");
		Instant due = Instant.parse(first.get("dueAt").asString());
		assertThat(Duration.between(Instant.parse(first.get("startedAt").asString()), due)).isEqualTo(Duration.ofMinutes(10));

		CLOCK.set(Instant.parse(first.get("atRiskAt").asString()).plusSeconds(1));
		await("at-risk", () -> events("at-risk", clockId).size() == 1);
		CLOCK.set(due.plusSeconds(1));
		await("breach", () -> events("breached", clockId).size() == 1);
		awaitPassesOnBothNodes(3);
		reactions.settle();
		assertThat(events("at-risk", clockId)).hasSize(1);
		assertThat(events("breached", clockId)).hasSize(1);

		JsonNode breached = clock(ticket, "first_response");
		assertThat(breached.get("state").asString()).isEqualTo("breached");
		assertThat(breached.get("breachedAt").asString()).isEqualTo(due.toString());
		Instant detected = Instant.parse(breached.get("detectedAt").asString());
		assertThat(Duration.between(due, detected)).isLessThanOrEqualTo(Duration.ofSeconds(1));

		// The escalation raised the priority; the owner and the named person were told.
		assertThat(agentApi.get("/api/v1/tickets/" + ticket).json().get("priority").asString()).isEqualTo("URGENT");
		Api.Response ownerNotices = agentApi.get("/api/v1/notifications?unread=true&size=50");
		assertThat(ownerNotices.status()).as(ownerNotices.body()).isEqualTo(200);
		assertThat(ownerNotices.body()).contains("/tickets/" + ticket);
		assertThat(ownerNotices.json().get("items").findValuesAsString("kind")).contains("commitment.at-risk",
				"commitment.breached");
		Api.Response managerNotices = Api.at(port)
			.withToken(users.token(escalationManager, "read"))
			.get("/api/v1/notifications?unread=true&size=50");
		assertThat(managerNotices.json().get("items").findValuesAsString("kind")).containsExactly("commitment.breached");

		// The breach waits for its reason; the owner gives it.
		Api.Response unexplained = agentApi.get("/api/v1/breaches?explained=false&ticketId=" + ticket);
		assertThat(unexplained.json().get("total").asLong()).isEqualTo(1);
		JsonNode breach = unexplained.json().get("items").get(0);
		Api.Response noNote = agentApi.put("/api/v1/breaches/" + breach.get("id").asLong() + "/reason",
				Map.of("reasonKey", "workload"));
		assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
		Api.Response explained = agentApi.put("/api/v1/breaches/" + breach.get("id").asLong() + "/reason",
				Map.of("reasonKey", "workload", "note", "Three of five agents were out with flu."));
		assertThat(explained.status()).as(explained.body()).isEqualTo(200);
		assertThat(explained.json().get("reasonKey").asString()).isEqualTo("workload");
		assertThat(agentApi.get("/api/v1/breaches?explained=false&ticketId=" + ticket).json().get("total").asLong())
			.isZero();
	}

	@Test
	void aNodeKilledWhileHoldingAClockLeavesItToTheOtherNode() throws Exception {
		long plan = fastPlan("Locked " + System.nanoTime(), null);
		long ticket = openTicketOnPlan(plan);
		long clockId = clockIdOf(ticket, "first_response");
		Instant due = Instant.parse(clock(ticket, "first_response").get("dueAt").asString());
		try (Connection dying = dataSource.getConnection()) {
			// A node that took the clock and then died before committing: its row lock holds until the
			// database drops its transaction.
			dying.setAutoCommit(false);
			try (var lock = dying.prepareStatement("select id from commitment_clock where id = ? for update")) {
				lock.setLong(1, clockId);
				lock.executeQuery().close();
			}
			CLOCK.set(due.plusSeconds(1));
			awaitPassesOnBothNodes(3);
			assertThat(events("breached", clockId)).isEmpty();
			dying.rollback();
		}
		await("breach after the lock is gone", () -> events("breached", clockId).size() == 1);
		awaitPassesOnBothNodes(3);
		assertThat(events("breached", clockId)).hasSize(1);
		// At-risk and breach came due together: only the breach is announced.
		assertThat(events("at-risk", clockId)).isEmpty();
	}

	long clockIdOf(long ticketId, String commitment) throws Exception {
		try (Connection c = dataSource.getConnection();
				var q = c.prepareStatement("select id from commitment_clock where ticket_id = ? and commitment = ? and cycle_no = 1")) {
			q.setLong(1, ticketId);
			q.setString(2, commitment);
			try (var rs = q.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getLong(1);
			}
		}
	}

}
