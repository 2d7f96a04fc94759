package app.rapport.commitment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The commitment API: calendars and their arithmetic, plans, customers' plans, a ticket's clocks, refusals. */
@RapportIntegrationTest
class CommitmentApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	ClockRecomputes recomputes;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	app.rapport.support.Reactions reactions;

	GroupSummary group;

	UserSummary agent;

	Api supervisor;

	Api agentApi;

	@BeforeEach
	void setUp() {
		group = users.group(AssignmentMode.MANUAL);
		agent = users.agentIn(group);
		supervisor = Api.at(port).withToken(users.token(users.user(Role.SUPERVISOR), "read", "write"));
		agentApi = Api.at(port).withToken(users.token(agent, "read", "write"));
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	static void assertProblem(Api.Response r, int status, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
		}
	}

	long readyMade(String key) {
		for (JsonNode c : supervisor.get("/api/v1/calendars").json()) {
			if (key.equals(c.get("key").asString(null))) {
				return c.get("id").asLong();
			}
		}
		throw new AssertionError("no ready-made calendar " + key);
	}

	Instant due(long calendar, String from, int minutes) {
		Api.Response r = agentApi.get("/api/v1/calendars/" + calendar + "/due?from=" + from + "&minutes=" + minutes);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return Instant.parse(r.json().get("due").asString());
	}

	long elapsed(long calendar, String from, String to) {
		Api.Response r = agentApi.get("/api/v1/calendars/" + calendar + "/elapsed?from=" + from + "&to=" + to);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("minutes").asLong();
	}

	@Test
	void readyMadeCalendarsKnowTheMovedWorkingDays() {
		long cn = readyMade("cn-mainland");
		readyMade("tw");
		long bg = readyMade("bg");
		// Friday 13 Feb 2026, 17:00 in Shanghai, + 2 working hours: 1 h on Friday, then Saturday 14 Feb is a
		// working day (moved for the Spring Festival), 09:00 + 1 h.
		assertThat(due(cn, "2026-02-13T09:00:00Z", 120)).isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
		// Saturday 14 Feb 17:00 + 2 h: the festival runs 15–23 Feb, so Tuesday 24 Feb 10:00.
		assertThat(due(cn, "2026-02-14T09:00:00Z", 120)).isEqualTo(Instant.parse("2026-02-24T02:00:00Z"));
		// Bulgaria: 3 March 2026 (a Tuesday) is Liberation Day: Monday 17:00 + 2 h → Wednesday 10:00 Sofia (UTC+2).
		assertThat(due(bg, "2026-03-02T15:00:00Z", 120)).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
		assertThat(elapsed(bg, "2026-03-02T15:00:00Z", "2026-03-04T08:00:00Z")).isEqualTo(120);
	}

	@Test
	void calendarsAreCreatedCheckedAndImportHolidaysFromICalendar() {
		Api.Response bad = supervisor.post("/api/v1/calendars", Map.of("name", "", "timeZone", "Mars/Olympus",
				"workingHours", Map.of("MONDAY", List.of(List.of("09:00", "25:00")), "FUNDAY", List.of())));
		assertProblem(bad, 400, "timeZone");
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("name", "workingHours.FUNDAY");

		Api.Response created = supervisor.post("/api/v1/calendars", Map.of("name", unique("Sofia office"), "timeZone",
				"Europe/Sofia", "workingHours", Map.of("MONDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")),
						"TUESDAY", List.of(List.of("09:00", "18:00")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/calendars/" + created.json().get("id").asLong());
		long id = created.json().get("id").asLong();
		// Monday 2 Mar 2026 11:00 Sofia + 120 business minutes = 1 h before lunch, 1 h after: 14:30.
		assertThat(due(id, "2026-03-02T09:00:00Z", 120)).isEqualTo(Instant.parse("2026-03-02T12:30:00Z"));

		String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT",
				"UID:1@test", "DTSTART;VALUE=DATE:20260302", "DTEND;VALUE=DATE:20260303", "SUMMARY:Company day off",
				"END:VEVENT", "END:VCALENDAR", "");
		Api.Response dry = supervisor.raw("PUT", "/api/v1/calendars/" + id + "/ics?dryRun=true", "text/calendar",
				ics.getBytes(StandardCharsets.UTF_8));
		assertThat(dry.status()).as(dry.body()).isEqualTo(200);
		assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
		assertThat(dry.json().get("applied").asBoolean()).isFalse();
		assertThat(dry.json().get("added").asInt()).isEqualTo(1);
		assertThat(supervisor.get("/api/v1/calendars/" + id).json().get("days")).isEmpty();

		Api.Response broken = supervisor.raw("PUT", "/api/v1/calendars/" + id + "/ics", "text/calendar",
				ics.replace("DTSTART;VALUE=DATE:20260302", "DTSTART;VALUE=DATE:2026-13-45").getBytes(StandardCharsets.UTF_8));
		assertThat(broken.status()).as(broken.body()).isEqualTo(400);
		assertThat(broken.json().get("problems").get(0).get("line").asInt()).isEqualTo(6);
		assertThat(supervisor.get("/api/v1/calendars/" + id).json().get("days")).isEmpty();

		Api.Response imported = supervisor.raw("PUT", "/api/v1/calendars/" + id + "/ics", "text/calendar",
				ics.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("applied").asBoolean()).isTrue();
		// Monday is now a holiday: 120 minutes from Monday morning end Tuesday 11:00 Sofia.
		assertThat(due(id, "2026-03-02T07:00:00Z", 120)).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));

		Api.Response exported = agentApi.getText("/api/v1/calendars/" + id + "/ics");
		assertThat(exported.status()).isEqualTo(200);
		assertThat(exported.contentType()).startsWith("text/calendar");
		assertThat(exported.body()).contains("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260302", "Company day off");

		assertProblem(agentApi.get("/api/v1/calendars/" + id + "/due?from=2026-03-02T07:00:00Z&minutes=-5"), 400,
				"minutes");
		assertProblem(agentApi.get("/api/v1/calendars/" + id + "/due?from=yesterday&minutes=5"), 400, null);
		assertProblem(agentApi.get("/api/v1/calendars/999999/due?from=2026-03-02T07:00:00Z&minutes=5"), 404, null);
	}

	@Test
	void onlySupervisorsAndAdminsWithAWriteTokenDefineCalendarsAndPlans() {
		Map<String, Object> calendar = Map.of("name", unique("Refused"), "timeZone", "UTC", "workingHours",
				Map.of("MONDAY", List.of(List.of("09:00", "17:00"))));
		assertProblem(agentApi.post("/api/v1/calendars", calendar), 403, null);
		Api analyst = Api.at(port).withToken(users.token(users.user(Role.ANALYST), "read"));
		assertProblem(analyst.post("/api/v1/calendars", calendar), 403, null);
		Api readOnly = Api.at(port).withToken(users.token(users.user(Role.SUPERVISOR), "read"));
		assertProblem(readOnly.post("/api/v1/calendars", calendar), 403, null);
		assertThat(Api.at(port).anonymous().get("/api/v1/calendars").status()).isEqualTo(401);
		Map<String, Object> plan = Map.of("name", unique("Refused"), "calendarId", readyMade("bg"), "targets",
				List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 60)));
		assertProblem(agentApi.post("/api/v1/plans", plan), 403, null);
		assertProblem(agentApi.put("/api/v1/contacts/1/plan", Map.of("planId", 1)), 403, null);
		Api admin = Api.at(port).withToken(users.token(users.user(Role.ADMIN), "read", "write"));
		assertThat(admin.post("/api/v1/calendars", calendar).status()).isEqualTo(201);
	}

	@Test
	void plansAreCheckedWholeAndAPlanWithTheSameNameIsAConflictOfFields() {
		Api.Response bad = supervisor.post("/api/v1/plans",
				Map.of("name", unique("Gold"), "calendarId", 999999, "atRiskPercent", 150, "pendingCustomerPauses",
						List.of("coffee_break"), "targets",
						List.of(Map.of("priority", "SOMETIMES", "firstResponseMinutes", 0), Map.of("priority", "HIGH"))));
		assertProblem(bad, 400, "calendarId");
		assertThat(bad.json().get("errors").findValuesAsString("field")).contains("atRiskPercent",
				"pendingCustomerPauses", "targets[0].priority", "targets[0].firstResponseMinutes", "targets[1]");
		String name = unique("Gold");
		Map<String, Object> gold = Map.of("name", name, "calendarId", readyMade("tw"), "targets",
				List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 60, "nextUpdateMinutes", 240,
						"resolutionMinutes", 960),
						Map.of("priority", "NORMAL", "type", "COMPLAINT", "firstResponseMinutes", 30)));
		Api.Response created = supervisor.post("/api/v1/plans", gold);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("pendingCustomerPauses")).hasSize(3);
		assertThat(created.json().get("onHoldPauses").toString()).contains("resolution");
		assertProblem(supervisor.post("/api/v1/plans", gold), 400, "name");
		assertThat(agentApi.get("/api/v1/plans").body()).contains(name);
	}

	long plan(String calendarKey, int firstResponse, int nextUpdate, int resolution) {
		Api.Response created = supervisor.post("/api/v1/plans",
				Map.of("name", unique("Plan"), "calendarId", readyMade(calendarKey), "targets",
						List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", firstResponse, "nextUpdateMinutes",
								nextUpdate, "resolutionMinutes", resolution))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	ContactSummary contact() {
		return customers.findOrCreateByEmail("c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
				"客户", "zh-CN");
	}

	JsonNode open(ContactSummary contact) {
		Api.Response ticket = agentApi.post("/api/v1/tickets", Map.of("subject", "发票开错了", "body", "请重开发票",
				"requester", Map.of("id", contact.id()), "groupId", group.id()));
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
		reactions.settle();
		return ticket.json();
	}

	/** The ticket's clocks, once the reactions to what the test did have run. */
	Map<String, JsonNode> clocks(long ticketId) {
		reactions.settle();
		Api.Response r = agentApi.get("/api/v1/tickets/" + ticketId + "/clocks");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> byKey = new java.util.LinkedHashMap<>();
		for (JsonNode c : r.json()) {
			byKey.put(c.get("commitment").asString() + "#" + c.get("cycle").asInt(), c);
		}
		return byKey;
	}

	@Test
	void aTicketsClocksFollowItsConversationAndPause() {
		long planId = plan("cn-mainland", 60, 240, 960);
		ContactSummary contact = contact();
		assertThat(supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", planId)).status())
			.isEqualTo(200);
		JsonNode ticket = open(contact);
		long id = ticket.get("id").asLong();
		Map<String, JsonNode> opened = clocks(id);
		assertThat(opened.keySet()).containsExactly("first_response#1", "resolution#1");
		assertThat(opened.get("first_response#1").get("state").asString()).isIn("running", "breached");
		assertThat(opened.get("first_response#1").get("planId").asLong()).isEqualTo(planId);
		assertThat(opened.get("first_response#1").get("targetMinutes").asInt()).isEqualTo(60);

		Api.Response reply = agentApi.post("/api/v1/tickets/" + id + "/messages",
				Map.of("body", "我们正在处理，请提供订单号。", "public", true, "state", "PENDING_CUSTOMER"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Map<String, JsonNode> waiting = clocks(id);
		assertThat(waiting.get("first_response#1").get("state").asString()).isIn("met", "breached");
		assertThat(waiting.get("resolution#1").get("state").asString()).isEqualTo("paused");
		assertThat(waiting.get("resolution#1").get("dueAt").isNull()).isTrue();
		assertThat(waiting.get("next_update#1").get("state").asString()).isEqualTo("paused");

		Api.Response answer = agentApi.post("/api/v1/tickets/" + id + "/messages",
				Map.of("body", "订单号 12345", "fromCustomer", true));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		Map<String, JsonNode> resumed = clocks(id);
		assertThat(resumed.get("resolution#1").get("state").asString()).isIn("running", "breached");
		assertThat(resumed.get("next_update#1").get("state").asString()).isIn("running", "breached");

		// Another group's agent does not see the ticket, nor its clocks.
		Api stranger = Api.at(port).withToken(users.token(users.agentIn(users.group(AssignmentMode.MANUAL)), "read"));
		assertProblem(stranger.get("/api/v1/tickets/" + id + "/clocks"), 404, null);
		// Nor on the board: its rows are only what the caller may see.
		Api.Response board = stranger.get("/api/v1/board");
		assertThat(board.status()).as(board.body()).isEqualTo(200);
		assertThat(board.json().get("rows").toString()).doesNotContain("\"ticketId\":" + id + ",");
		assertThat(agentApi.get("/api/v1/board").json().get("rows").toString()).contains("\"ticketId\":" + id + ",");
	}

	@Test
	void aCustomersNewPlanAppliesToOpenTicketsFromThatMomentAndIsAudited() {
		long slow = plan("bg", 600, 1200, 4800);
		long fast = plan("bg", 30, 60, 240);
		ContactSummary contact = contact();
		supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", slow));
		long id = open(contact).get("id").asLong();
		JsonNode before = clocks(id).get("first_response#1");
		assertThat(before.get("planId").asLong()).isEqualTo(slow);

		Api.Response changed = supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", fast));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("id").asLong()).isEqualTo(fast);
		JsonNode after = clocks(id).get("first_response#1");
		assertThat(after.get("planId").asLong()).isEqualTo(fast);
		assertThat(after.get("targetMinutes").asInt()).isEqualTo(30);
		if (!after.get("state").asString().equals("breached")) {
			assertThat(Instant.parse(after.get("dueAt").asString()))
				.isBefore(Instant.parse(before.get("dueAt").asString()));
		}
		List<String> audited = jdbc.queryForList(
				"select new_value from audit_entry where entity_type = 'contact' and entity_id = ? and field = 'plan' order by id",
				String.class, contact.id());
		assertThat(audited).hasSize(2);
		assertThat(jdbc.queryForObject("select count(*) from commitment_fact where ticket_id = ? and kind = 'PLAN_CHANGED'",
				Integer.class, id)).isEqualTo(1);

		// Back to the organization's or default plan.
		assertThat(supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", java.util.Collections.singletonMap("planId", null))
			.json()
			.get("isDefault")
			.asBoolean()).isTrue();
		assertProblem(supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", 999999)), 400,
				"planId");
		assertProblem(supervisor.put("/api/v1/contacts/999999/plan", Map.of("planId", fast)), 404, null);
	}

	@Test
	void recomputingFromTheStoredFactsGivesTheSameClocksAsAfterARestart() {
		long planId = plan("tw", 120, 240, 960);
		ContactSummary contact = contact();
		supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", planId));
		long id = open(contact).get("id").asLong();
		agentApi.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "收到", "public", true));
		String before = clocks(id).toString();
		// A restarted node has nothing but the stored facts: drop the clocks and compute them again.
		jdbc.update("delete from commitment_clock where ticket_id = ?", id);
		tx.executeWithoutResult(status -> recomputes.request(List.of(planId)));
		assertThat(clocks(id).toString()).isEqualTo(before);
	}

	static Map<String, Object> everyDay(String from, String to) {
		Map<String, Object> hours = new java.util.LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.put(day, List.of(List.of(from, to)));
		}
		return hours;
	}

	@Test
	void aChangedCalendarOrPlanRecomputesTheClocksOfOpenTickets() {
		String calendarName = unique("Shop");
		Api.Response calendar = supervisor.post("/api/v1/calendars",
				Map.of("name", calendarName, "timeZone", "UTC", "workingHours", everyDay("09:00", "17:00")));
		assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
		long calendarId = calendar.json().get("id").asLong();
		String planName = unique("Shop plan");
		Map<String, Object> plan = new java.util.LinkedHashMap<>(Map.of("name", planName, "calendarId", calendarId,
				"targets", List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 1200))));
		Api.Response created = supervisor.post("/api/v1/plans", plan);
		long planId = created.json().get("id").asLong();
		ContactSummary contact = contact();
		supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", planId));
		long id = open(contact).get("id").asLong();
		Instant before = Instant.parse(clocks(id).get("first_response#1").get("dueAt").asString());

		// Half the working day: the same 1,200 business minutes end later.
		Api.Response shorter = supervisor.put("/api/v1/calendars/" + calendarId,
				Map.of("name", calendarName, "timeZone", "UTC", "workingHours", everyDay("09:00", "13:00")));
		assertThat(shorter.status()).as(shorter.body()).isEqualTo(200);
		Instant afterCalendar = Instant.parse(clocks(id).get("first_response#1").get("dueAt").asString());
		assertThat(afterCalendar).isAfter(before);

		// A shorter target: due earlier.
		plan.put("targets", List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 240)));
		Api.Response tightened = supervisor.put("/api/v1/plans/" + planId, plan);
		assertThat(tightened.status()).as(tightened.body()).isEqualTo(200);
		JsonNode afterPlan = clocks(id).get("first_response#1");
		assertThat(afterPlan.get("targetMinutes").asInt()).isEqualTo(240);
		assertThat(Instant.parse(afterPlan.get("dueAt").asString())).isBefore(afterCalendar);
	}

	@Test
	void aPlanChangeAnswersAtOnceAndItsRecomputeRunsInTheBackgroundAndResumesAfterANodeDied() {
		long planId = plan("bg", 600, 1200, 4800);
		ContactSummary contact = contact();
		supervisor.put("/api/v1/contacts/" + contact.id() + "/plan", Map.of("planId", planId));
		long id = open(contact).get("id").asLong();
		assertThat(clocks(id).get("first_response#1").get("targetMinutes").asInt()).isEqualTo(600);
		Map<String, Object> plan = new java.util.HashMap<>(Map.of("name", supervisor.get("/api/v1/plans/" + planId)
			.json().get("name").asString(), "calendarId", supervisor.get("/api/v1/plans/" + planId).json().get("calendarId").asLong(),
				"targets", List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 300))));

		Api.Response saved = supervisor.put("/api/v1/plans/" + planId, plan);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode asked = saved.json().get("recompute");
		assertThat(asked.get("requestedAt").isNull()).isFalse();
		assertThat(asked.get("finishedAt").isNull()).as("the save does not wait for the recompute").isTrue();
		assertThat(clocks(id).get("first_response#1").get("targetMinutes").asInt()).isEqualTo(300);
		JsonNode done = supervisor.get("/api/v1/plans/" + planId).json().get("recompute");
		assertThat(done.get("finishedAt").isNull()).isFalse();
		assertThat(done.get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(done.get("done").asLong()).isEqualTo(done.get("total").asLong());

		// A node took the next recompute and died: its lease runs out and another node does the work.
		jdbc.update("update commitment_clock set target_minutes = 1 where ticket_id = ?", id);
		jdbc.update("insert into commitment_recompute (plan_ids, requested_at, started_at, total_tickets, done_tickets, "
				+ "after_ticket_id, claimed_by, claimed_until) values (?, ?, ?, 1, 0, 0, 'a node that died', ?)", "," + planId + ",",
				java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()),
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)));
		assertThat(clocks(id).get("first_response#1").get("targetMinutes").asInt()).isEqualTo(300);
	}

	@Test
	void ticketsWithoutClocksAreAdoptedOnAnAdminsRequest() {
		ContactSummary contact = contact();
		long id = open(contact).get("id").asLong();
		// As if the ticket had come before the commitment module (an upgrade, a bulk load).
		jdbc.update("delete from commitment_clock where ticket_id = ?", id);
		jdbc.update("delete from commitment_fact where ticket_id = ?", id);
		jdbc.update("delete from commitment_ticket where ticket_id = ?", id);
		assertProblem(agentApi.post("/api/v1/commitments/adopt", Map.of()), 403, null);
		Api admin = Api.at(port).withToken(users.token(users.user(Role.ADMIN), "read", "write", "admin"));
		Api.Response adopted = admin.post("/api/v1/commitments/adopt", Map.of());
		assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
		assertThat(adopted.json().get("tickets").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(clocks(id).keySet()).contains("first_response#1", "resolution#1");
	}

	@Test
	void unknownOrBadParametersAreRefusedWithReasons() {
		assertProblem(supervisor.get("/api/v1/attainment?by=mood&period=week&from=2026-01-01&to=2026-01-31"), 400, "by");
		assertProblem(supervisor.get("/api/v1/attainment?by=plan&period=week&from=2026-02-01&to=2026-01-31"), 400, "to");
		Api.Response ok = supervisor.get("/api/v1/attainment?by=priority&period=month&from=2026-01-01&to=2026-12-31");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		// Reports are for supervisors, admins and analysts, as on the reports page.
		assertProblem(agentApi.get("/api/v1/attainment?by=priority&period=month&from=2026-01-01&to=2026-12-31"), 403,
				null);
		assertProblem(agentApi.get("/api/v1/breaches/pareto?from=2026-01-01&to=2026-12-31"), 403, null);
		Api analyst = Api.at(port).withToken(users.token(users.user(Role.ANALYST), "read"));
		assertThat(analyst.get("/api/v1/breaches/pareto?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
		assertProblem(agentApi.put("/api/v1/breaches/999999/reason", Map.of("reasonKey", "workload", "note", "x")), 404,
				null);
		List<String> keys = new ArrayList<>();
		agentApi.get("/api/v1/breach-reasons").json().forEach(r -> keys.add(r.get("key").asString()));
		assertThat(keys).contains("workload", "waiting-supplier", "other");
	}

}
