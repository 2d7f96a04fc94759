package app.rapport.commitment.web;

import java.util.Map;

import app.rapport.commitment.CommitmentTestData;
import app.rapport.commitment.PlanView;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import app.rapport.ticket.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The commitment pages over real HTTP on a real database: board, ticket clocks, breaches, reports. */
@RapportIntegrationTest
class CommitmentPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	CommitmentTestData data;

	GroupSummary group;

	UserSummary agent;

	PlanView plan;

	TicketView ticket;

	@BeforeEach
	void setUp() {
		group = users.group(AssignmentMode.ROUND_ROBIN);
		agent = users.agentIn(group);
		plan = data.roundTheClockPlan(60);
		ticket = data.ticketOnPlan(plan.id(), group.id(), "Пратката закъснява " + plan.id());
	}

	WebSession signedIn(UserSummary user) {
		WebSession web = WebSession.at(port);
		assertThat(web.signIn(user.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
		return web;
	}

	@Test
	void boardShowsATicketsCommitmentWithItsCountersAndALinkToTheTicket() {
		WebSession web = signedIn(users.user(Role.SUPERVISOR));
		WebSession.Page board = web.get("/commitments/board?planId=" + plan.id());
		assertThat(board.status()).isEqualTo(200);
		assertThat(board.body()).contains(ticket.subject(), "First response", "href=\"/tickets/" + ticket.id() + "\"",
				agent.displayName(), "hx-trigger=\"every 3s\"", "Punctuality board");
		// Every running clock of the plan is a row: the first response and the resolution of the one ticket.
		long rows = board.body().split("class=\"board-row").length - 1;
		assertThat(rows).isGreaterThanOrEqualTo(1);
		assertThat(board.find("id=\"count-running\">(\\d+)<")).isEqualTo(String.valueOf(rows));
		assertThat(board.find("id=\"count-breached\">(\\d+)<")).isEqualTo("0");
		assertThat(board.body()).containsPattern("\\d+ min");
	}

	@Test
	void boardRowsFragmentHonoursTheFilters() {
		PlanView otherPlan = data.roundTheClockPlan(60);
		GroupSummary otherGroup = users.group(AssignmentMode.ROUND_ROBIN);
		users.agentIn(otherGroup);
		TicketView other = data.ticketOnPlan(otherPlan.id(), otherGroup.id(), "Other plan " + otherPlan.id());
		WebSession web = signedIn(users.user(Role.SUPERVISOR));

		WebSession.Page byPlan = web.get("/commitments/board/rows?planId=" + plan.id());
		assertThat(byPlan.status()).isEqualTo(200);
		assertThat(byPlan.body()).contains(ticket.subject(), "id=\"board-rows\"")
			.doesNotContain(other.subject(), "<html");

		WebSession.Page byGroup = web.get("/commitments/board/rows?groupId=" + otherGroup.id());
		assertThat(byGroup.body()).contains(other.subject()).doesNotContain(ticket.subject());

		WebSession.Page byOwner = web.get("/commitments/board/rows?ownerId=" + agent.id());
		assertThat(byOwner.body()).contains(ticket.subject()).doesNotContain(other.subject());

		// The fragment keeps polling with the same filters.
		assertThat(byPlan.body()).contains("hx-get=\"/commitments/board/rows?planId=" + plan.id() + "\"");
		// Nonsense filter values are ignored rather than failing a wall screen.
		assertThat(web.get("/commitments/board/rows?planId=abc").status()).isEqualTo(200);
	}

	@Test
	void anAgentOfAnotherGroupDoesNotSeeTheTicketOnTheBoard() {
		UserSummary stranger = users.agentIn(users.group(AssignmentMode.MANUAL));
		WebSession web = signedIn(stranger);
		assertThat(web.get("/commitments/board").body()).doesNotContain(ticket.subject());
		assertThat(web.get("/commitments/board/rows?groupId=" + group.id()).body()).doesNotContain(ticket.subject());
		assertThat(signedIn(agent).get("/commitments/board").body()).contains(ticket.subject());
	}

	@Test
	void ticketClocksFragmentShowsTheRunningFirstResponseAndIsRefusedToAStranger() {
		WebSession.Page clocks = signedIn(agent).get("/tickets/" + ticket.id() + "/clocks");
		assertThat(clocks.status()).isEqualTo(200);
		assertThat(clocks.body()).contains("data-commitment=\"first_response\" data-state=\"running\"", "First response",
				"Running").doesNotContain("<html");

		UserSummary stranger = users.agentIn(users.group(AssignmentMode.MANUAL));
		assertThat(signedIn(stranger).get("/tickets/" + ticket.id() + "/clocks").status()).isEqualTo(404);

		// The ticket page loads the card into its side column.
		assertThat(signedIn(agent).get("/tickets/" + ticket.id()).body())
			.contains("hx-get=\"/tickets/" + ticket.id() + "/clocks\"", "hx-trigger=\"load, every 30s\"");
	}

	@Test
	void breachesPageListsAnUnexplainedBreachAndTheOwnerGivesItsReason() {
		long breach = data.breach(ticket.id());
		data.ageBreach(breach, 3);
		WebSession web = signedIn(agent);

		WebSession.Page page = web.get("/commitments/breaches");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"breach-" + breach + "\"", ticket.subject(), "breach-overdue",
				"3 days old", "action=\"/commitments/breaches/" + breach + "/reason\"",
				"Too many tickets for the people on duty", "id=\"unexplainedPerOwner\"");
		String version = page.find("id=\"breach-" + breach + "\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"");

		WebSession.Page noNote = web.post("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "workload", "note", " ", "version", version));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body()).contains("Say in a sentence what happened.", "is-invalid");
		assertThat(data.reasonOf(breach)).isNull();

		WebSession.Page badReason = web.post("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "no-such-reason", "note", "Flu", "version", version));
		assertThat(badReason.status()).isEqualTo(400);
		assertThat(badReason.body()).contains("Choose one of the reasons.");

		WebSession.Page saved = web.post("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "workload", "note", "Three of five agents were out with flu.", "version", version));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).contains("/commitments/breaches?show=unexplained", "explained=" + breach);
		assertThat(data.reasonOf(breach)).isEqualTo("workload");

		WebSession.Page explained = web.get("/commitments/breaches?show=explained");
		assertThat(explained.body()).contains("id=\"breach-" + breach + "\"", "Three of five agents were out with flu.");
		assertThat(web.get("/commitments/breaches").body()).doesNotContain("id=\"breach-" + breach + "\"");
	}

	@Test
	void aColleagueWhoDoesNotOwnTheTicketIsToldWhoMayExplainAndWithoutCsrfNothingIsStored() {
		long breach = data.breach(ticket.id());
		UserSummary colleague = users.agentIn(group);
		WebSession web = signedIn(colleague);
		WebSession.Page page = web.get("/commitments/breaches?ownerId=");
		assertThat(page.body()).contains("id=\"breach-" + breach + "\"",
				"The owner, a supervisor or an admin gives the reason.");

		WebSession.Page refused = web.post("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "workload", "note", "Not mine to say."));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Only the ticket owner, a supervisor or an admin may give the reason")
			.doesNotContain("Exception");
		assertThat(data.reasonOf(breach)).isNull();

		WebSession owner = signedIn(agent);
		owner.get("/commitments/breaches");
		assertThat(owner.postWithoutCsrf("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "workload", "note", "x")).status()).isEqualTo(403);
		assertThat(data.reasonOf(breach)).isNull();

		WebSession.Page unknown = signedIn(users.user(Role.SUPERVISOR)).post("/commitments/breaches/999999999/reason",
				Map.of("reasonKey", "workload", "note", "x"));
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void reportsShowTheAttainmentTableAndAParetoChartOfTheReasons() {
		long breach = data.breach(ticket.id());
		WebSession web = signedIn(users.user(Role.SUPERVISOR));
		WebSession.Page before = web.get("/commitments/reports?by=plan&period=week");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.body()).contains("attainment-table", plan.name(), "<svg class=\"pareto-chart\"",
				"data-reason=\"unexplained\"", "Cumulative share", "<polyline class=\"pareto-line\"");

		web.post("/commitments/breaches/" + breach + "/reason",
				Map.of("reasonKey", "misrouted", "note", "It went to the wrong group first."));
		WebSession.Page after = web.get("/commitments/reports?by=commitment&period=day");
		assertThat(after.body()).contains("data-reason=\"misrouted\"", "Sent to the wrong group first", "First response");

		WebSession.Page bad = web.get("/commitments/reports?from=yesterday");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("Give a date as yyyy-mm-dd.");
		assertThat(web.get("/commitments/reports?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
	}

	@Test
	void exportsHaveHeadersInTheReadersLanguage() {
		data.breach(ticket.id());
		WebSession web = signedIn(users.user(Role.ANALYST, "bg"));
		WebSession.Page pareto = web.get("/commitments/reports/pareto.csv");
		assertThat(pareto.status()).isEqualTo(200);
		assertThat(pareto.header("Content-Type")).startsWith("text/csv");
		assertThat(pareto.body()).contains("Причина,Нарушения,Дял %,Натрупан дял %", "Без причина");
		WebSession.Page attainment = web.get("/commitments/reports/attainment.csv?by=priority");
		assertThat(attainment.status()).isEqualTo(200);
		assertThat(attainment.body()).contains("Период,Приоритет,Спазени,Нарушени,Общо,% спазени");
		WebSession.Page xlsx = web.get("/commitments/reports/attainment.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
		assertThat(web.get("/commitments/reports/attainment.pdf").status()).isEqualTo(400);
	}

	@Test
	void agentsAreRefusedTheReports() {
		WebSession web = signedIn(agent);
		assertThat(web.get("/commitments/reports").status()).isEqualTo(403);
		assertThat(web.get("/commitments/reports/attainment.csv").status()).isEqualTo(403);
		assertThat(web.get("/commitments/reports/pareto.xlsx").status()).isEqualTo(403);
		// Nor the progress of a plan's or calendar's recompute.
		assertThat(web.get("/commitments/plans/1/recompute").status()).isEqualTo(403);
		assertThat(web.get("/commitments/calendars/1/recompute").status()).isEqualTo(403);
		assertThat(web.get("/commitments/board").body()).doesNotContain("href=\"/commitments/reports\"");
		assertThat(WebSession.at(port).get("/commitments/board").status()).isEqualTo(302);
	}

}
