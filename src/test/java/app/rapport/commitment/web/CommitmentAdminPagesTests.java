package app.rapport.commitment.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.commitment.CalendarInput;
import app.rapport.commitment.CalendarView;
import app.rapport.commitment.Calendars;
import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.customer.CustomerService;
import app.rapport.customer.OrganizationDetails;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class CommitmentAdminPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	Calendars calendars;

	@Autowired
	Plans plans;

	@Autowired
	CustomerService customers;

	WebSession signedIn(Role role) {
		UserSummary user = users.user(role);
		WebSession web = WebSession.at(port);
		assertThat(web.signIn(user.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
		return web;
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	CalendarView aCalendar() {
		return calendars.create(new CalendarInput(unique("Office"), "Asia/Shanghai",
				Map.of("MONDAY", List.of(List.of("09:00", "18:00")), "TUESDAY", List.of(List.of("09:00", "18:00"))), null));
	}

	@Test
	void supervisorCreatesACalendarThroughTheFormAndSeesItInTheList() {
		WebSession web = signedIn(Role.SUPERVISOR);
		assertThat(web.get("/commitments/calendars/new").body()).contains("Asia/Taipei").contains("runs past midnight");
		String name = unique("Shanghai office");
		Map<String, Object> form = new HashMap<>(Map.of("name", name, "timeZone", "Asia/Shanghai", "start[MONDAY0]", "09:00",
				"end[MONDAY0]", "12:00", "start[MONDAY1]", "13:30", "end[MONDAY1]", "18:00", "start[SATURDAY0]", "22:00",
				"end[SATURDAY0]", "02:00"));
		WebSession.Page created = web.post("/commitments/calendars", form);
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		assertThat(created.location()).matches(".*/commitments/calendars/\\d+");
		long id = Long.parseLong(created.location().replaceAll(".*/", ""));
		assertThat(calendars.get(id).workingHours().get("MONDAY")).containsExactly(List.of("09:00", "12:00"),
				List.of("13:30", "18:00"));
		assertThat(calendars.get(id).workingHours().get("SATURDAY")).containsExactly(List.of("22:00", "02:00"));
		assertThat(web.get("/commitments/calendars").body()).contains(name).contains("Asia/Shanghai");
		assertThat(web.get("/commitments/calendars/" + id).body()).contains("Saved.").contains(name);
	}

	@Test
	void aBadZoneOrABadPeriodShowsFormErrorsAndCreatesNothing() {
		WebSession web = signedIn(Role.SUPERVISOR);
		web.get("/commitments/calendars/new");
		String badZone = unique("Mars office");
		WebSession.Page page = web.post("/commitments/calendars",
				Map.of("name", badZone, "timeZone", "Mars/Olympus", "start[MONDAY0]", "09:00", "end[MONDAY0]", "18:00"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Choose a known time zone.").contains("Mars/Olympus").contains(badZone);

		String badPeriod = unique("Odd office");
		page = web.post("/commitments/calendars",
				Map.of("name", badPeriod, "timeZone", "Europe/Sofia", "start[TUESDAY0]", "09:00", "end[TUESDAY0]", "09:00"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("may not start and end at the same time");

		page = web.post("/commitments/calendars",
				Map.of("name", badPeriod, "timeZone", "Europe/Sofia", "start[TUESDAY0]", "09:00"));
		assertThat(page.body()).contains("Give both the start and the end of each period.");
		assertThat(calendars.all()).extracting(CalendarView::name).doesNotContain(badZone, badPeriod);

		CalendarView existing = aCalendar();
		web.get("/commitments/calendars/" + existing.id());
		page = web.post("/commitments/calendars/" + existing.id(), Map.of("name", existing.name(), "timeZone", "Nowhere/Else",
				"version", existing.version(), "start[MONDAY0]", "08:00", "end[MONDAY0]", "17:00"));
		assertThat(page.body()).contains("Choose a known time zone.");
		assertThat(calendars.get(existing.id()).timeZone()).isEqualTo("Asia/Shanghai");
		assertThat(calendars.get(existing.id()).workingHours().get("MONDAY")).containsExactly(List.of("09:00", "18:00"));
	}

	@Test
	void aDryRunImportShowsTheReportAndAddsNothingARealOneAddsTheDays() throws Exception {
		CalendarView calendar = aCalendar();
		long cn = calendars.all().stream().filter(c -> "cn-mainland".equals(c.key())).findFirst().orElseThrow().id();
		String ics = calendars.exportIcs(cn);
		WebSession web = signedIn(Role.SUPERVISOR);
		String page = web.get("/commitments/calendars/" + calendar.id()).body();

		String dryRun = upload(web, page, "/commitments/calendars/" + calendar.id() + "/import", ics, true);
		assertThat(dryRun).contains("Dry run: nothing was changed.").contains("id=\"icsReport\"");
		assertThat(calendars.get(calendar.id()).days()).isEmpty();

		String real = upload(web, page, "/commitments/calendars/" + calendar.id() + "/import", ics, false);
		assertThat(real).contains("The file was imported.");
		assertThat(calendars.get(calendar.id()).days()).hasSameSizeAs(calendars.get(cn).days()).isNotEmpty();
		assertThat(real).contains("datetime=\"2026-02-17\"");

		String broken = upload(web, page, "/commitments/calendars/" + calendar.id() + "/import",
				"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026XX01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", false);
		assertThat(broken).contains("The file has problems; nothing was changed.").contains("Line ");

		// Adding and removing a single day through the forms.
		web.get("/commitments/calendars/" + calendar.id());
		WebSession.Page added = web.post("/commitments/calendars/" + calendar.id() + "/days",
				Map.of("date", "2030-05-02", "kind", "HOLIDAY", "name", "Company day"));
		assertThat(added.status()).as(added.toString()).isEqualTo(302);
		assertThat(calendars.get(calendar.id()).days()).extracting(d -> d.date().toString()).contains("2030-05-02");
		web.get("/commitments/calendars/" + calendar.id());
		assertThat(web.post("/commitments/calendars/" + calendar.id() + "/days/2030-05-02/delete", Map.of()).status())
			.isEqualTo(302);
		assertThat(calendars.get(calendar.id()).days()).extracting(d -> d.date().toString()).doesNotContain("2030-05-02");
	}

	@Test
	void exportDownloadsTheCalendarAsTextCalendar() {
		long cn = calendars.all().stream().filter(c -> "cn-mainland".equals(c.key())).findFirst().orElseThrow().id();
		WebSession web = signedIn(Role.ADMIN);
		WebSession.Page export = web.get("/commitments/calendars/" + cn + "/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("text/calendar");
		assertThat(export.header("Content-Disposition")).contains("attachment").contains("cn-mainland.ics");
		assertThat(export.body()).startsWith("BEGIN:VCALENDAR").contains("DTSTART;VALUE=DATE:20260215");
	}

	@Test
	void theTryItFormShowsWhenWorkingMinutesRunOut() {
		CalendarView calendar = aCalendar();
		WebSession web = signedIn(Role.SUPERVISOR);
		// Monday 2026-11-23 17:00 in Shanghai + 120 working minutes = Tuesday 10:00.
		String page = web.get("/commitments/calendars/" + calendar.id() + "?from=2026-11-23T17:00&minutes=120").body();
		assertThat(page).contains("id=\"tryResult\"").contains("datetime=\"2026-11-24T10:00+08:00\"");
	}

	@Test
	void supervisorCreatesAndEditsAPlanThroughTheForm() {
		CalendarView calendar = aCalendar();
		GroupSummary group = users.group(AssignmentMode.MANUAL);
		UserSummary boss = users.user(Role.SUPERVISOR);
		WebSession web = signedIn(Role.SUPERVISOR);
		assertThat(web.get("/commitments/plans/new").body()).contains("h:mm").contains(group.name());
		String name = unique("Gold");
		Map<String, Object> form = new HashMap<>();
		form.put("name", name);
		form.put("description", "For our best customers");
		form.put("calendarId", calendar.id());
		form.put("_isDefault", "on");
		form.put("publicListed", "true");
		form.put("_publicListed", "on");
		form.put("atRiskPercent", "75");
		form.put("pendingPauses", List.of("first_response", "resolution"));
		form.put("_pendingPauses", "on");
		form.put("_onHoldPauses", "on");
		String[] priorities = { "LOW", "NORMAL", "HIGH", "URGENT" };
		for (int i = 0; i < 4; i++) {
			form.put("targets[" + i + "].priority", priorities[i]);
			form.put("targets[" + i + "].standard", "true");
		}
		form.put("targets[1].firstResponse", "4:00");
		form.put("targets[1].resolution", "16:30");
		form.put("targets[3].firstResponse", "0:30");
		form.put("targets[4].priority", "HIGH");
		form.put("targets[4].type", "COMPLAINT");
		form.put("targets[4].firstResponse", "1:00");
		form.put("escalations[0].trigger", "breached");
		form.put("escalations[0].commitment", "first_response");
		form.put("escalations[0].raisePriority", "URGENT");
		form.put("escalations[0].reassignGroupId", group.id());
		form.put("escalations[0].notifyUserId", boss.id());
		WebSession.Page created = web.post("/commitments/plans", form);
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		long id = Long.parseLong(created.location().replaceAll(".*/", ""));

		PlanView plan = plans.get(id);
		assertThat(plan.name()).isEqualTo(name);
		assertThat(plan.publicListed()).isTrue();
		assertThat(plan.atRiskPercent()).isEqualTo(75);
		assertThat(plan.pendingCustomerPauses()).containsExactly("first_response", "resolution");
		assertThat(plan.onHoldPauses()).isEmpty();
		assertThat(plan.targets()).containsExactlyInAnyOrder(new PlanInput.Target("NORMAL", null, 240, null, 990),
				new PlanInput.Target("URGENT", null, 30, null, null), new PlanInput.Target("HIGH", "COMPLAINT", 60, null, null));
		assertThat(plan.escalations())
			.containsExactly(new PlanInput.Escalation("breached", "first_response", "URGENT", group.id(), boss.id()));

		String path = "/commitments/plans/" + id;
		String edit = web.get(path).body();
		assertThat(edit).contains("value=\"16:30\"").contains(name);
		form.put("version", plan.version());
		form.put("targets[1].firstResponse", "2:15");
		form.put("onHoldPauses", List.of("next_update"));
		form.remove("escalations[0].trigger");
		WebSession.Page updated = web.post("/commitments/plans/" + id, form);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(302);
		plan = plans.get(id);
		assertThat(plan.targets()).contains(new PlanInput.Target("NORMAL", null, 135, null, 990));
		assertThat(plan.onHoldPauses()).containsExactly("next_update");
		assertThat(plan.escalations()).isEmpty();

		// A bad duration is shown next to the row and changes nothing.
		web.get(path);
		form.put("version", plan.version());
		form.put("targets[1].firstResponse", "soon");
		WebSession.Page bad = web.post("/commitments/plans/" + id, form);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Enter working time as hours:minutes");
		assertThat(plans.get(id).targets()).contains(new PlanInput.Target("NORMAL", null, 135, null, 990));

		assertThat(web.get("/commitments/plans").body()).contains(name).contains("2:15");
	}

	@Test
	void deletingAPlanInUseShowsTheConflict() {
		CalendarView calendar = aCalendar();
		PlanView plan = plans.create(new PlanInput(unique("Used"), null, calendar.id(), false, null, null, null, false,
				List.of(new PlanInput.Target("NORMAL", null, 60, null, null)), List.of(), null), null);
		long org = customers.createOrganization(organization(), null).id();
		plans.assignToOrganization(org, plan.id(), null);
		WebSession web = signedIn(Role.ADMIN);
		web.get("/commitments/plans/" + plan.id());
		WebSession.Page refused = web.post("/commitments/plans/" + plan.id() + "/delete", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("in use by customers or tickets");

		PlanView unused = plans.create(new PlanInput(unique("Unused"), null, calendar.id(), false, null, null, null, false,
				List.of(new PlanInput.Target("NORMAL", null, 60, null, null)), List.of(), null), null);
		web.get("/commitments/plans/" + unused.id());
		assertThat(web.post("/commitments/plans/" + unused.id() + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(plans.all()).extracting(PlanView::id).doesNotContain(unused.id());
	}

	@Test
	void supervisorEditsABreachReason() {
		WebSession web = signedIn(Role.SUPERVISOR);
		assertThat(web.get("/commitments/reasons").body()).contains("waiting-supplier");
		web.get("/commitments/reasons/new");
		String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
		WebSession.Page saved = web.post("/commitments/reasons",
				Map.of("key", key, "en", "Parts shortage", "zh-CN", "缺少配件", "zh-TW", "缺少零件", "bg", "Липса на части",
						"position", "95", "active", "true"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		WebSession.Page missing = web.post("/commitments/reasons/" + key,
				Map.of("key", key, "en", "Parts shortage", "zh-CN", "", "zh-TW", "缺少零件", "bg", "Липса на части", "position", "95"));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("Enter the name (at most 200 characters).");
		assertThat(web.get("/commitments/reasons").body()).contains(key).contains("缺少配件");
	}

	@Test
	void agentsAndAnalystsAreRefusedAndFormsNeedCsrf() {
		WebSession agent = signedIn(Role.AGENT);
		assertThat(agent.get("/commitments/plans").status()).isEqualTo(403);
		assertThat(agent.get("/commitments/calendars").status()).isEqualTo(403);
		assertThat(agent.get("/commitments/reasons").status()).isEqualTo(403);
		assertThat(agent.post("/commitments/plans", Map.of("name", "Agent plan")).status()).isEqualTo(403);
		assertThat(agent.post("/commitments/calendars", Map.of("name", "Agent calendar")).status()).isEqualTo(403);
		WebSession analyst = signedIn(Role.ANALYST);
		assertThat(analyst.get("/commitments/calendars").status()).isEqualTo(403);

		WebSession supervisor = signedIn(Role.SUPERVISOR);
		String name = unique("No token");
		assertThat(supervisor.postWithoutCsrf("/commitments/calendars",
				Map.of("name", name, "timeZone", "UTC", "start[MONDAY0]", "09:00", "end[MONDAY0]", "17:00")).status())
			.isEqualTo(403);
		assertThat(calendars.all()).extracting(CalendarView::name).doesNotContain(name);

		WebSession.Page anonymous = WebSession.at(port).get("/commitments/plans");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
	}

	@Test
	void supervisorChangesAnOrganizationsPlanAndAgentsSeeItReadOnly() {
		CalendarView calendar = aCalendar();
		PlanView plan = plans.create(new PlanInput(unique("Silver"), null, calendar.id(), false, null, null, null, false,
				List.of(new PlanInput.Target("NORMAL", null, 120, null, null)), List.of(), null), null);
		long org = customers.createOrganization(organization(), null).id();
		WebSession web = signedIn(Role.SUPERVISOR);
		String orgPage = web.get("/organizations/" + org).body();
		assertThat(orgPage).contains("hx-get=\"/commitments/customers/organization/" + org + "/plan\"");
		String fragment = web.get("/commitments/customers/organization/" + org + "/plan").body();
		assertThat(fragment).contains("The default plan").contains("customerPlanForm").doesNotContain("<html");

		WebSession.Page changed = web.post("/commitments/customers/organization/" + org + "/plan",
				Map.of("planId", plan.id()));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/organizations/" + org);
		assertThat(plans.ofOrganization(org)).map(PlanView::id).contains(plan.id());
		fragment = web.get("/commitments/customers/organization/" + org + "/plan").body();
		assertThat(fragment).contains(plan.name()).contains("own plan");

		WebSession agent = signedIn(Role.AGENT);
		String seen = agent.get("/commitments/customers/organization/" + org + "/plan").body();
		assertThat(seen).contains(plan.name()).doesNotContain("customerPlanForm");
		agent.get("/organizations/" + org);
		assertThat(agent.post("/commitments/customers/organization/" + org + "/plan", Map.of("planId", "")).status())
			.isEqualTo(403);
		assertThat(plans.ofOrganization(org)).isPresent();

		// Back to the default.
		web.get("/organizations/" + org);
		assertThat(web.post("/commitments/customers/organization/" + org + "/plan", Map.of("planId", "")).status())
			.isEqualTo(302);
		assertThat(plans.ofOrganization(org)).isEmpty();
	}

	static OrganizationDetails organization() {
		return new OrganizationDetails(unique("Acme"), null, null, "COMPANY", "CUSTOMER", "en", null, null, List.of(),
				Map.of());
	}

	/** Posts a multipart form with the session's cookie and the CSRF token of the given page. */
	String upload(WebSession web, String page, String path, String ics, boolean dryRun) throws Exception {
		Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		String token = m.group(1);
		String boundary = "----rapport" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(token).append("\r\n");
		if (dryRun) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue\r\n");
		}
		body.append("--").append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"days.ics\"\r\nContent-Type: text/calendar\r\n\r\n")
			.append(ics)
			.append("\r\n--")
			.append(boundary)
			.append("--\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Cookie", "JSESSIONID=" + web.sessionId())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
