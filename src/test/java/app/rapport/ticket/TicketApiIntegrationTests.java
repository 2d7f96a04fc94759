package app.rapport.ticket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.customer.ContactSummary;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class TicketApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TicketFixtures fixtures;

	@Autowired
	TicketFields ticketFields;

	GroupSummary group;

	UserSummary agent;

	Api api;

	@BeforeEach
	void setUp() {
		group = fixtures.group(AssignmentMode.MANUAL);
		agent = fixtures.agentIn(group);
		api = Api.at(port).withToken(fixtures.token(agent, "read", "write"));
	}

	Map<String, Object> newTicket(String subject) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", subject);
		body.put("body", "The parcel arrived damaged.");
		body.put("requester", Map.of("email", TicketFixtures.uniqueEmail()));
		body.put("groupId", group.id());
		return body;
	}

	JsonNode open(Api as, Map<String, Object> body) {
		Api.Response created = as.post("/api/v1/tickets", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	JsonNode open(String subject) {
		return open(api, newTicket(subject));
	}

	Api.Response patch(long id, Map<String, Object> changes) {
		return api.patch("/api/v1/tickets/" + id, changes, Map.of());
	}

	static void assertProblem(Api.Response r, int status, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
		}
	}

	long ticketsInGroup() {
		return api.get("/api/v1/tickets?groupId=" + group.id()).json().get("total").asLong();
	}

	// ------------------------------------------------------------------ creating and reading

	@Test
	void opensTicketForANewRequesterByEmailAndAnswersWithTheContractFields() {
		Map<String, Object> body = newTicket("包裹破损 damaged parcel");
		body.put("type", "complaint");
		body.put("priority", "HIGH");
		body.put("tags", List.of("Shipping", " VIP "));
		Api.Response created = api.post("/api/v1/tickets", body);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode t = created.json();
		assertThat(t.get("id").asLong()).isPositive();
		assertThat(t.get("number").asLong()).isEqualTo(t.get("id").asLong());
		assertThat(t.get("state").asString()).isEqualTo("NEW");
		assertThat(t.get("type").asString()).isEqualTo("COMPLAINT");
		assertThat(t.get("priority").asString()).isEqualTo("HIGH");
		assertThat(t.get("owner").isNull()).isTrue();
		assertThat(t.get("version").isIntegralNumber()).isTrue();
		assertThat(t.get("group").get("id").asLong()).isEqualTo(group.id());
		assertThat(t.get("tags").values()).extracting(JsonNode::asString).containsExactly("shipping", "vip");
		assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + t.get("id").asLong());

		Api.Response read = api.get("/api/v1/tickets/" + t.get("id").asLong());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"" + t.get("version").asLong() + "\"");
		assertThat(read.json().get("subject").asString()).isEqualTo("包裹破损 damaged parcel");

		JsonNode messages = api.get("/api/v1/tickets/" + t.get("id").asLong() + "/messages").json();
		assertThat(messages.get("total").asLong()).isEqualTo(1);
		assertThat(messages.get("items").get(0).get("kind").asString()).isEqualTo("CUSTOMER");
	}

	@Test
	void opensTicketForAKnownRequesterById() {
		ContactSummary customer = fixtures.customer("bg");
		Map<String, Object> body = newTicket("Оплакване за доставка");
		body.put("requester", Map.of("id", customer.id()));
		JsonNode t = open(api, body);
		assertThat(t.get("requester").get("id").asLong()).isEqualTo(customer.id());
		assertThat(t.get("requester").get("email").asString()).isEqualTo(customer.email());
	}

	@Test
	void keepsSanitizedHtmlAndItsPlainText() {
		Map<String, Object> body = newTicket("HTML body");
		body.put("body", "<p>Hello <b>team</b><script>alert(1)</script><img src=x onerror=alert(2)></p>");
		body.put("html", true);
		long id = open(api, body).get("id").asLong();
		JsonNode message = api.get("/api/v1/tickets/" + id + "/messages").json().get("items").get(0);
		assertThat(message.get("bodyHtml").asString()).contains("<b>team</b>").doesNotContain("script", "onerror");
		assertThat(message.get("bodyText").asString()).isEqualTo("Hello team");
	}

	@Test
	void assignsRoundRobinInMemberOrder() {
		GroupSummary rr = fixtures.group(AssignmentMode.ROUND_ROBIN);
		UserSummary first = fixtures.agentIn(rr);
		UserSummary second = fixtures.agentIn(rr);
		Map<String, Object> body = newTicket("Round robin");
		body.put("groupId", rr.id());
		List<Long> owners = new java.util.ArrayList<>();
		Api supervisor = Api.at(port).withToken(fixtures.token(fixtures.user(Role.SUPERVISOR), "read"));
		for (int i = 0; i < 4; i++) {
			JsonNode created = open(api, body);
			owners.add(created.get("owner").get("id").asLong());
			// The version answered is the one to send with the next change.
			assertThat(supervisor.get("/api/v1/tickets/" + created.get("id").asLong()).json().get("version").asLong())
				.isEqualTo(created.get("version").asLong());
		}
		assertThat(owners).containsExactly(first.id(), second.id(), first.id(), second.id());
	}

	@Test
	void keepsRoundRobinFairWhenTicketsArriveAtTheSameTime() throws Exception {
		GroupSummary rr = fixtures.group(AssignmentMode.ROUND_ROBIN);
		List<Long> agents = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			agents.add(fixtures.agentIn(rr).id());
		}
		Map<String, Object> body = newTicket("Rush hour");
		body.put("groupId", rr.id());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Long>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				futures.add(pool.submit(() -> open(api, body).get("owner").get("id").asLong()));
			}
			Map<Long, Integer> perOwner = new HashMap<>();
			for (var f : futures) {
				perOwner.merge(f.get(), 1, Integer::sum);
			}
			// Eight clients at once, 1,000 tickets over five agents: each gets 200 (±1), nobody else any.
			assertThat(perOwner.keySet()).containsExactlyInAnyOrderElementsOf(agents);
			assertThat(perOwner.values()).allSatisfy(n -> assertThat(n).isBetween(199, 201));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void assignsToTheMemberWithFewestOpenTicketsPreferringTheCustomersLanguage() {
		GroupSummary least = fixtures.group(AssignmentMode.LEAST_OPEN);
		UserSummary english = fixtures.agentIn(least, "en");
		UserSummary chinese = fixtures.agentIn(least, "zh-CN", "en");
		Map<String, Object> body = newTicket("Least open");
		body.put("groupId", least.id());
		// Both have none open: the lower id (English) gets the first English ticket.
		assertThat(open(api, body).get("owner").get("id").asLong()).isEqualTo(english.id());
		assertThat(open(api, body).get("owner").get("id").asLong()).isEqualTo(chinese.id());

		ContactSummary customer = fixtures.customer("zh-CN");
		body.put("requester", Map.of("id", customer.id()));
		// The Chinese speaker now has more open tickets than nobody else, but speaks the customer's language.
		assertThat(open(api, body).get("owner").get("id").asLong()).isEqualTo(chinese.id());
		JsonNode owner = open(api, body).get("owner");
		assertThat(owner.get("id").asLong()).isEqualTo(chinese.id());
		assertThat(owner.get("name").asString()).isEqualTo(chinese.displayName());
	}

	@Test
	void listsWithFiltersSortAndPaging() {
		String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> low = newTicket("Low one");
		low.put("priority", "low");
		low.put("tags", List.of(tag));
		Map<String, Object> urgent = newTicket("Urgent one");
		urgent.put("priority", "urgent");
		urgent.put("tags", List.of(tag));
		long lowId = open(api, low).get("id").asLong();
		long urgentId = open(api, urgent).get("id").asLong();
		open("Untagged");

		JsonNode page = api.get("/api/v1/tickets?tag=" + tag + "&sort=priority&size=1").json();
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("size").asInt()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(urgentId);
		JsonNode second = api.get("/api/v1/tickets?tag=" + tag + "&sort=priority&size=1&page=1").json();
		assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(lowId);

		JsonNode onlyLow = api.get("/api/v1/tickets?groupId=" + group.id() + "&priority=low&state=new").json();
		assertThat(onlyLow.get("items").findValuesAsString("subject")).containsExactly("Low one");
		assertThat(api.get("/api/v1/tickets?groupId=" + group.id() + "&state=solved").json().get("total").asLong())
			.isZero();
	}

	// ------------------------------------------------------------------ bad input

	@Test
	void refusesBadInputWithAClearReasonAndCreatesNothing() {
		long before = ticketsInGroup();
		assertProblem(api.post("/api/v1/tickets", "{\"subject\": \"x\", "), 400, null);

		Map<String, Object> unknownRequester = newTicket("Unknown requester");
		unknownRequester.put("requester", Map.of("id", 987654321L));
		assertProblem(api.post("/api/v1/tickets", unknownRequester), 400, "requester.id");

		Map<String, Object> badEmail = newTicket("Bad e-mail");
		badEmail.put("requester", Map.of("email", "not-an-email"));
		assertProblem(api.post("/api/v1/tickets", badEmail), 400, "requester.email");

		Map<String, Object> noRequester = newTicket("No requester");
		noRequester.remove("requester");
		assertProblem(api.post("/api/v1/tickets", noRequester), 400, "requester");

		Map<String, Object> badType = newTicket("Bad type");
		badType.put("type", "rant");
		Api.Response r = api.post("/api/v1/tickets", badType);
		assertProblem(r, 400, "type");
		assertThat(r.json().get("errors").get(0).get("message").asString()).contains("complaint");

		Map<String, Object> emptySubject = newTicket("  ");
		emptySubject.put("body", "");
		Api.Response empty = api.post("/api/v1/tickets", emptySubject);
		assertProblem(empty, 400, "subject");
		assertThat(empty.json().get("errors").findValuesAsString("field")).contains("body");

		Map<String, Object> unknownGroup = newTicket("Unknown group");
		unknownGroup.put("groupId", 987654321L);
		assertProblem(api.post("/api/v1/tickets", unknownGroup), 400, "groupId");

		assertProblem(api.get("/api/v1/tickets?size=201"), 400, "size");
		assertProblem(api.get("/api/v1/tickets?state=sleeping"), 400, "state");
		assertProblem(api.get("/api/v1/tickets?sort=colour"), 400, "sort");
		assertProblem(api.get("/api/v1/tickets?groupId=abc"), 400, "groupId");

		assertThat(ticketsInGroup()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ changes and states

	@Test
	void changesFieldsWithTheVersionAndRefusesAStaleOne() {
		JsonNode t = open("Change me");
		long id = t.get("id").asLong();
		long version = t.get("version").asLong();
		Map<String, Object> changes = new HashMap<>();
		changes.put("state", "open");
		changes.put("priority", "urgent");
		changes.put("type", "incident");
		changes.put("tags", List.of("outage"));
		changes.put("ownerId", agent.id());
		changes.put("version", version);
		Api.Response changed = patch(id, changes);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("state").asString()).isEqualTo("OPEN");
		assertThat(changed.json().get("priority").asString()).isEqualTo("URGENT");
		assertThat(changed.json().get("owner").get("id").asLong()).isEqualTo(agent.id());
		assertThat(changed.json().get("version").asLong()).isGreaterThan(version);

		// The same old version again: someone else's change would be overwritten.
		Api.Response stale = patch(id, Map.of("priority", "low", "version", version));
		assertProblem(stale, 409, null);
		assertThat(api.get("/api/v1/tickets/" + id).json().get("priority").asString()).isEqualTo("URGENT");

		String etag = api.get("/api/v1/tickets/" + id).header("ETag");
		Api.Response viaIfMatch = api.patch("/api/v1/tickets/" + id, Map.of("priority", "low"), Map.of("If-Match", etag));
		assertThat(viaIfMatch.status()).as(viaIfMatch.body()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/tickets/" + id, Map.of("priority", "high"), Map.of("If-Match", etag)), 409, null);

		Map<String, Object> unassign = new HashMap<>();
		unassign.put("ownerId", null);
		unassign.put("version", viaIfMatch.json().get("version").asLong());
		Api.Response unassigned = patch(id, unassign);
		assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
		assertThat(unassigned.json().get("owner").isNull()).isTrue();
	}

	@Test
	void refusesBadChanges() {
		JsonNode t = open("Bad changes");
		long id = t.get("id").asLong();
		long version = t.get("version").asLong();
		Api.Response forbidden = patch(id, Map.of("state", "closed", "version", version));
		assertProblem(forbidden, 400, "state");
		assertThat(forbidden.json().get("errors").get(0).get("message").asString()).contains("NEW", "CLOSED");

		assertProblem(patch(id, Map.of("state", "open")), 400, "version");
		assertProblem(patch(id, Map.of("priority", "whenever", "version", version)), 400, "priority");
		assertProblem(patch(id, Map.of("requesterId", 1, "version", version)), 400, "requesterId");
		UserSummary outsider = fixtures.user(Role.AGENT);
		assertProblem(patch(id, Map.of("ownerId", outsider.id(), "version", version)), 400, "ownerId");
		UserSummary analyst = fixtures.user(Role.ANALYST);
		assertProblem(patch(id, Map.of("ownerId", analyst.id(), "version", version)), 400, "ownerId");
		assertProblem(api.patch("/api/v1/tickets/" + id, "[1, 2]", Map.of()), 400, null);
		assertProblem(api.patch("/api/v1/tickets/" + id, "{\"state\": ", Map.of()), 400, null);

		JsonNode unchanged = api.get("/api/v1/tickets/" + id).json();
		assertThat(unchanged.get("state").asString()).isEqualTo("NEW");
		assertThat(unchanged.get("owner").isNull()).isTrue();
		assertThat(unchanged.get("version").asLong()).isEqualTo(version);
	}

	@Test
	void opensNewTicketOnAPublicReplyAndReopensASolvedOneWhenTheCustomerWrites() {
		long id = open("Replies").get("id").asLong();
		Api.Response note = api.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Checking stock", "public", false));
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		assertThat(note.json().get("kind").asString()).isEqualTo("INTERNAL_NOTE");
		assertThat(api.get("/api/v1/tickets/" + id).json().get("state").asString()).isEqualTo("NEW");

		Api.Response reply = api.post("/api/v1/tickets/" + id + "/messages",
				Map.of("body", "We are sending a new one.", "public", true, "state", "solved"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.json().get("public").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/tickets/" + id).json().get("state").asString()).isEqualTo("SOLVED");

		Api.Response customer = api.post("/api/v1/tickets/" + id + "/messages",
				Map.of("body", "The new one is broken too.", "fromCustomer", true));
		assertThat(customer.status()).as(customer.body()).isEqualTo(201);
		assertThat(customer.json().get("kind").asString()).isEqualTo("CUSTOMER");
		assertThat(api.get("/api/v1/tickets/" + id).json().get("state").asString()).isEqualTo("OPEN");

		assertProblem(api.post("/api/v1/tickets/" + id + "/messages", Map.of("body", " ", "public", true)), 400, "body");
		assertThat(api.get("/api/v1/tickets/" + id + "/messages").json().get("total").asLong()).isEqualTo(4);
	}

	@Test
	void keepsClosedTicketsClosedAndOpensALinkedFollowUp() {
		JsonNode t = open("Closing");
		long id = t.get("id").asLong();
		JsonNode solved = patch(id, Map.of("state", "solved", "version", t.get("version").asLong())).json();
		JsonNode closed = patch(id, Map.of("state", "closed", "version", solved.get("version").asLong())).json();
		assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedAt").isNull()).isFalse();

		Api.Response reopen = patch(id, Map.of("state", "open", "version", closed.get("version").asLong()));
		assertProblem(reopen, 400, "state");
		assertThat(reopen.json().get("errors").get(0).get("message").asString()).contains("follow-up");
		assertProblem(api.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "Hello?", "public", true)), 400,
				"state");

		Api.Response followUp = api.post("/api/v1/tickets/" + id + "/follow-ups", Map.of("body", "It broke again."));
		assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
		long followUpId = followUp.json().get("id").asLong();
		assertThat(followUp.json().get("subject").asString()).isEqualTo("Closing");
		JsonNode links = api.get("/api/v1/tickets/" + followUpId + "/links").json();
		assertThat(links.get(0).get("kind").asString()).isEqualTo("FOLLOW_UP_OF");
		assertThat(links.get(0).get("otherTicketId").asLong()).isEqualTo(id);
		assertProblem(api.post("/api/v1/tickets/" + followUpId + "/follow-ups", Map.of("body", "x")), 400, "state");
	}

	@Test
	void mergesMessagesIntoTheTargetAndClosesTheSource() {
		long source = open("Duplicate report").get("id").asLong();
		long target = open("Original report").get("id").asLong();
		api.post("/api/v1/tickets/" + source + "/messages", Map.of("body", "Extra detail", "public", false));

		Api.Response merged = api.post("/api/v1/tickets/" + source + "/merge", Map.of("intoId", target));
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("id").asLong()).isEqualTo(target);
		assertThat(api.get("/api/v1/tickets/" + target + "/messages").json().get("total").asLong()).isEqualTo(3);
		JsonNode closedSource = api.get("/api/v1/tickets/" + source).json();
		assertThat(closedSource.get("state").asString()).isEqualTo("CLOSED");
		assertThat(closedSource.get("mergedIntoId").asLong()).isEqualTo(target);
		assertThat(api.get("/api/v1/tickets/" + source + "/messages").json().get("total").asLong()).isZero();

		assertProblem(api.post("/api/v1/tickets/" + target + "/merge", Map.of("intoId", target)), 400, "intoId");
		assertProblem(api.post("/api/v1/tickets/" + target + "/merge", Map.of()), 400, "intoId");
		assertProblem(api.post("/api/v1/tickets/" + target + "/merge", Map.of("intoId", source)), 400, "intoId");
	}

	@Test
	void linksTicketsOnceAndShowsTheLinkFromBothSides() {
		long a = open("Printer jam").get("id").asLong();
		long b = open("Printer jams again").get("id").asLong();
		Api.Response link = api.post("/api/v1/tickets/" + b + "/links", Map.of("ticketId", a, "kind", "related"));
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + a + "/links").json().get(0).get("outgoing").asBoolean()).isFalse();
		assertProblem(api.post("/api/v1/tickets/" + b + "/links", Map.of("ticketId", a, "kind", "related")), 409, null);
		assertProblem(api.post("/api/v1/tickets/" + b + "/links", Map.of("ticketId", a, "kind", "cousin")), 400, "kind");
		assertProblem(api.post("/api/v1/tickets/" + b + "/links", Map.of("ticketId", b, "kind", "related")), 400,
				"ticketId");
	}

	@Test
	void checksCustomFieldValuesAgainstTheirDefinitions() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String orderNo = "order_no_" + suffix;
		String shop = "shop_" + suffix;
		ticketFields.define(orderNo, "Order number", FieldKind.NUMBER, List.of());
		ticketFields.define(shop, "Shop", FieldKind.CHOICE, List.of("Tmall", "JD"));
		assertThat(api.get("/api/v1/ticket-fields").json().findValuesAsString("key")).contains(orderNo, shop);

		Map<String, Object> body = newTicket("With fields");
		body.put("customFields", Map.of(orderNo, "12345", shop, "JD"));
		JsonNode t = open(api, body);
		assertThat(t.get("customFields").get(orderNo).asString()).isEqualTo("12345");
		assertThat(t.get("customFields").get(shop).asString()).isEqualTo("JD");
		long id = t.get("id").asLong();
		long version = t.get("version").asLong();

		assertProblem(patch(id, Map.of("customFields", Map.of(orderNo, "twelve"), "version", version)), 400,
				"customFields." + orderNo);
		assertProblem(patch(id, Map.of("customFields", Map.of(shop, "Amazon"), "version", version)), 400,
				"customFields." + shop);
		assertProblem(patch(id, Map.of("customFields", Map.of("no_such_" + suffix, "x"), "version", version)), 400,
				"customFields.no_such_" + suffix);

		Map<String, Object> clear = new HashMap<>();
		clear.put(orderNo, null);
		Api.Response cleared = patch(id, Map.of("customFields", clear, "version", version));
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().get("customFields").has(orderNo)).isFalse();
		assertThat(cleared.json().get("customFields").get(shop).asString()).isEqualTo("JD");
	}

	// ------------------------------------------------------------------ attachments

	@Test
	void servesAnUploadedHtmlFileAsAHarmlessDownload() {
		long id = open("With attachment").get("id").asLong();
		String html = "<html><script>alert(document.cookie)</script></html>";
		Api.Response posted = multipart(api, "/api/v1/tickets/" + id + "/messages",
				Map.of("body", "See attached", "public", "true"), "files", "angriff äöü.html", "text/html",
				html.getBytes(StandardCharsets.UTF_8));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		JsonNode file = posted.json().get("attachments").get(0);
		assertThat(file.get("filename").asString()).isEqualTo("angriff äöü.html");

		Api.Response download = api.get(file.get("url").asString());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(html);
		assertThat(download.header("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''angriff%20%C3%A4%C3%B6%C3%BC.html");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.header("Content-Security-Policy")).contains("sandbox");
		assertThat(download.contentType()).startsWith("application/octet-stream");

		long otherTicket = open("Another").get("id").asLong();
		assertProblem(api.get("/api/v1/tickets/" + otherTicket + "/attachments/" + file.get("id").asLong()), 404, null);
	}

	@Test
	void refusesARequesterNameLongerThanItsColumnNamingTheFieldAndStoringNothing() {
		Map<String, Object> body = newTicket("A very long name");
		String email = TicketFixtures.uniqueEmail();
		body.put("requester", Map.of("email", email, "name", "x".repeat(1_000_000)));
		long before = ticketsInGroup();

		Api.Response r = api.post("/api/v1/tickets", body);

		assertProblem(r, 400, "name");
		assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("must be at most 300 characters");
		assertThat(ticketsInGroup()).isEqualTo(before);
		assertThat(api.get("/api/v1/contacts?q=" + email).json().get("total").asLong()).isZero();
	}

	@Test
	void refusesAnOversizedAttachmentWith413() {
		long id = open("Too big").get("id").asLong();
		byte[] big = new byte[10 * 1024 * 1024 + 1024];
		Api.Response r = multipart(api, "/api/v1/tickets/" + id + "/messages", Map.of("body", "Big file", "public", "true"),
				"files", "big.bin", "application/octet-stream", big);
		assertProblem(r, 413, null);
		assertThat(api.get("/api/v1/tickets/" + id + "/messages").json().get("total").asLong()).isEqualTo(1);
	}

	// ------------------------------------------------------------------ refusals

	@Test
	void refusesCallersWithoutAValidToken() {
		long id = open("Auth").get("id").asLong();
		Api anonymous = Api.at(port);
		for (Api.Response r : List.of(anonymous.get("/api/v1/tickets"), anonymous.get("/api/v1/tickets/" + id),
				anonymous.post("/api/v1/tickets", newTicket("x")),
				anonymous.patch("/api/v1/tickets/" + id, Map.of("state", "open", "version", 0), Map.of()),
				anonymous.get("/api/v1/tickets/" + id + "/messages"),
				anonymous.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "x")),
				anonymous.post("/api/v1/tickets/" + id + "/merge", Map.of("intoId", id)),
				anonymous.post("/api/v1/tickets/" + id + "/links", Map.of("ticketId", id, "kind", "related")),
				anonymous.get("/api/v1/tickets/" + id + "/attachments/1"))) {
			assertProblem(r, 401, null);
		}

		String token = fixtures.token(agent, "read", "write");
		Api revoked = Api.at(port).withToken(token);
		JsonNode tokens = revoked.get("/api/v1/tokens").json().get("items");
		for (JsonNode tok : tokens) {
			revoked.delete("/api/v1/tokens/" + tok.get("id").asLong());
		}
		assertProblem(revoked.get("/api/v1/tickets/" + id), 401, null);
		assertProblem(revoked.post("/api/v1/tickets", newTicket("x")), 401, null);
		assertProblem(revoked.patch("/api/v1/tickets/" + id, Map.of("state", "open", "version", 0), Map.of()), 401, null);
	}

	@Test
	void refusesWritesWithAReadOnlyTokenOrAsAnAnalyst() {
		JsonNode t = open("Read only");
		long id = t.get("id").asLong();
		long other = open("Other").get("id").asLong();
		Api readOnly = Api.at(port).withToken(fixtures.token(agent, "read"));
		Api analyst = Api.at(port).withToken(fixtures.token(fixtures.user(Role.ANALYST), "read"));
		for (Api caller : List.of(readOnly, analyst)) {
			assertThat(caller.get("/api/v1/tickets/" + id).status()).isEqualTo(200);
			assertProblem(caller.post("/api/v1/tickets", newTicket("x")), 403, null);
			assertProblem(caller.patch("/api/v1/tickets/" + id, Map.of("state", "open", "version", t.get("version").asLong()),
					Map.of()), 403, null);
			assertProblem(caller.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "x")), 403, null);
			assertProblem(multipart(caller, "/api/v1/tickets/" + id + "/messages", Map.of("body", "x"), "files", "a.txt",
					"text/plain", new byte[] { 'a' }), 403, null);
			assertProblem(caller.post("/api/v1/tickets/" + id + "/merge", Map.of("intoId", other)), 403, null);
			assertProblem(caller.post("/api/v1/tickets/" + id + "/links", Map.of("ticketId", other, "kind", "related")), 403,
					null);
			assertProblem(caller.post("/api/v1/tickets/" + id + "/follow-ups", Map.of("body", "x")), 403, null);
		}
		JsonNode after = api.get("/api/v1/tickets/" + id).json();
		assertThat(after.get("state").asString()).isEqualTo("NEW");
		assertThat(api.get("/api/v1/tickets/" + id + "/messages").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void answersNotFoundToAnAgentOutsideTheTicketsGroup() {
		JsonNode t = open("Private to the group");
		long id = t.get("id").asLong();
		Api.Response withFile = multipart(api, "/api/v1/tickets/" + id + "/messages", Map.of("body", "file"), "files",
				"a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
		long attachmentId = withFile.json().get("attachments").get(0).get("id").asLong();
		long versionBefore = api.get("/api/v1/tickets/" + id).json().get("version").asLong();
		GroupSummary otherGroup = fixtures.group(AssignmentMode.MANUAL);
		UserSummary outsiderUser = fixtures.agentIn(otherGroup);
		Api outsider = Api.at(port).withToken(fixtures.token(outsiderUser, "read", "write"));
		long outsidersOwn = open(outsider, Map.of("subject", "Mine", "body", "b", "groupId", otherGroup.id(), "requester",
				Map.of("email", TicketFixtures.uniqueEmail()))).get("id").asLong();

		for (Api.Response r : List.of(outsider.get("/api/v1/tickets/" + id),
				outsider.patch("/api/v1/tickets/" + id, Map.of("state", "open", "version", t.get("version").asLong()), Map.of()),
				outsider.get("/api/v1/tickets/" + id + "/messages"),
				outsider.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "x")),
				outsider.post("/api/v1/tickets/" + id + "/merge", Map.of("intoId", outsidersOwn)),
				outsider.get("/api/v1/tickets/" + id + "/links"),
				outsider.post("/api/v1/tickets/" + id + "/links", Map.of("ticketId", outsidersOwn, "kind", "related")),
				outsider.post("/api/v1/tickets/" + id + "/follow-ups", Map.of("body", "x")),
				outsider.get("/api/v1/tickets/" + id + "/attachments/" + attachmentId))) {
			assertProblem(r, 404, null);
		}
		// Naming the hidden ticket as a merge target does not reveal it either.
		Api.Response mergeInto = outsider.post("/api/v1/tickets/" + outsidersOwn + "/merge", Map.of("intoId", id));
		assertProblem(mergeInto, 400, "intoId");
		assertThat(outsider.get("/api/v1/tickets?groupId=" + group.id()).json().get("total").asLong()).isZero();
		assertThat(api.get("/api/v1/tickets/" + id).json().get("version").asLong()).isEqualTo(versionBefore);
		assertThat(api.get("/api/v1/tickets/" + id + "/messages").json().get("total").asLong()).isEqualTo(2);

		// Supervisors see every ticket.
		Api supervisor = Api.at(port).withToken(fixtures.token(fixtures.user(Role.SUPERVISOR), "read"));
		assertThat(supervisor.get("/api/v1/tickets/" + id).status()).isEqualTo(200);
	}

	// ------------------------------------------------------------------ helpers

	static Api.Response multipart(Api as, String path, Map<String, String> fields, String fileField, String filename,
			String contentType, byte[] content) {
		String boundary = "----rapport" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		out.writeBytes(content);
		write(out, "\r\n--" + boundary + "--\r\n");
		return as.raw("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
