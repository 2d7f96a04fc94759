package app.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeline entries about a ticket obey the ticket's visibility rule on every path (API, pages, the htmx
 * fragment, paging totals), for every role, and follow the ticket when it moves to another group.
 */
@RapportIntegrationTest
class TimelineVisibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	UserAdministration administration;

	GroupSummary first;

	GroupSummary second;

	UserSummary firstAgent;

	UserSummary secondAgent;

	Api admin;

	long organizationId;

	long contactId;

	long ticketId;

	String subject;

	String secret;

	@BeforeEach
	void aCustomerWithATicketInTheFirstGroup() {
		first = users.group(AssignmentMode.MANUAL);
		second = users.group(AssignmentMode.MANUAL);
		firstAgent = users.agentIn(first);
		secondAgent = users.agentIn(second);
		admin = Api.at(port).withToken(users.token(users.user(Role.ADMIN), "read", "write", "admin"));
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Api.Response org = admin.post("/api/v1/organizations", Map.of("name", "Lotus Trading " + tag));
		assertThat(org.status()).as(org.body()).isEqualTo(201);
		organizationId = org.json().get("id").asLong();
		Api.Response contact = admin.post("/api/v1/contacts", Map.of("name", "Chen Meiling " + tag, "email",
				"meiling-" + tag + "@example.com", "organizationId", organizationId));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		contactId = contact.json().get("id").asLong();

		subject = "Invoice dispute " + tag;
		secret = "account number 4711-" + tag;
		Map<String, Object> ticket = new LinkedHashMap<>();
		ticket.put("subject", subject);
		ticket.put("body", "My " + secret + " was charged twice.");
		ticket.put("requester", Map.of("id", contactId));
		ticket.put("groupId", first.id());
		Api.Response opened = admin.post("/api/v1/tickets", ticket);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		ticketId = opened.json().get("id").asLong();
		Api.Response reply = admin.post("/api/v1/tickets/" + ticketId + "/messages",
				Map.of("kind", "PUBLIC_REPLY", "body", "We refund the second charge on " + secret + "."));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Api.Response call = admin.post("/api/v1/contacts/" + contactId + "/interactions",
				Map.of("kind", "CALL", "summary", "Called about the renewal " + tag, "durationMinutes", 5));
		assertThat(call.status()).as(call.body()).isEqualTo(201);
	}

	Api as(UserSummary user) {
		return Api.at(port).withToken(users.token(user, "read"));
	}

	Api.Response changeTicket(Map<String, Object> changes) {
		String etag = admin.get("/api/v1/tickets/" + ticketId).header("ETag");
		return admin.patch("/api/v1/tickets/" + ticketId, changes, Map.of("If-Match", etag));
	}

	static List<Long> ticketIds(JsonNode page) {
		return page.get("items").values().stream().filter(i -> !i.get("ticketId").isNull())
			.map(i -> i.get("ticketId").asLong()).toList();
	}

	@Test
	void anAgentOfAnotherGroupSeesTheCustomersOwnEntriesButNothingOfTheTicket() {
		Api outsider = as(secondAgent);
		for (String path : List.of("/api/v1/contacts/" + contactId + "/timeline",
				"/api/v1/organizations/" + organizationId + "/timeline")) {
			Api.Response r = outsider.get(path);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			assertThat(r.body()).doesNotContain(subject).doesNotContain(secret);
			assertThat(ticketIds(r.json())).isEmpty();
			// The total counts what the caller sees: the logged call only.
			assertThat(r.json().get("total").asLong()).as(path).isEqualTo(1);
			assertThat(r.json().get("items").get(0).get("kind").asString()).isEqualTo("CALL");
		}
	}

	@Test
	void theTicketsGroupAndEveryRoleThatSeesAllTicketsSeeTheWholeTimeline() {
		for (UserSummary user : List.of(firstAgent, users.user(Role.SUPERVISOR), users.user(Role.ANALYST),
				users.user(Role.ADMIN))) {
			JsonNode page = as(user).get("/api/v1/contacts/" + contactId + "/timeline").json();
			assertThat(ticketIds(page)).as(user.role().name()).containsOnly(ticketId).hasSize(2);
			assertThat(page.get("total").asLong()).as(user.role().name()).isEqualTo(3);
			JsonNode org = as(user).get("/api/v1/organizations/" + organizationId + "/timeline").json();
			assertThat(org.get("total").asLong()).as(user.role().name()).isEqualTo(3);
		}
	}

	@Test
	void theContactAndOrganizationPagesAndTheTimelineFragmentHideTheTicketFromAnotherGroup() {
		WebSession outsider = WebSession.at(port);
		outsider.signIn(secondAgent.email(), TestUsers.PASSWORD);
		WebSession insider = WebSession.at(port);
		insider.signIn(firstAgent.email(), TestUsers.PASSWORD);
		for (String path : List.of("/contacts/" + contactId, "/contacts/" + contactId + "/timeline",
				"/organizations/" + organizationId, "/organizations/" + organizationId + "/timeline")) {
			WebSession.Page hidden = outsider.get(path);
			assertThat(hidden.status()).as(path).isEqualTo(200);
			assertThat(hidden.body()).as(path).doesNotContain(subject).doesNotContain(secret)
				.doesNotContain("/tickets/" + ticketId + "\"");
			WebSession.Page shown = insider.get(path);
			assertThat(shown.body()).as(path).contains(subject).contains("/tickets/" + ticketId);
		}
	}

	@Test
	void entriesFollowTheTicketToItsNewGroupAndStayWithItsOwner() {
		Api.Response moved = changeTicket(Map.of("groupId", second.id()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		assertThat(ticketIds(as(secondAgent).get("/api/v1/contacts/" + contactId + "/timeline").json()))
			.containsOnly(ticketId);
		assertThat(ticketIds(as(firstAgent).get("/api/v1/contacts/" + contactId + "/timeline").json())).isEmpty();

		// An owner keeps seeing their ticket's entries after leaving the ticket's group.
		Api.Response assigned = changeTicket(Map.of("ownerId", secondAgent.id()));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		administration.setGroups(secondAgent.id(), List.of(first.id()));
		assertThat(ticketIds(as(secondAgent).get("/api/v1/organizations/" + organizationId + "/timeline").json()))
			.containsOnly(ticketId);
	}

}
