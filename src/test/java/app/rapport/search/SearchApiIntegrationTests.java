package app.rapport.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestDatabase;
import app.rapport.support.TestUsers;
import app.rapport.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/search} over real HTTP, in all four languages, with visibility and refusals. */
@RapportIntegrationTest
class SearchApiIntegrationTests {

	private static final Map<Integer, String> SUPERVISOR_TOKENS = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	app.rapport.support.Reactions reactions;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex searchIndex;

	@PersistenceContext
	EntityManager em;

	SearchTestData data;

	GroupSummary group;

	Contact requester;

	Api supervisor;

	String m;

	@BeforeEach
	void setUp() {
		data = new SearchTestData(em, tx, clock);
		group = testUsers.group(AssignmentMode.MANUAL);
		m = SearchTestData.marker();
		requester = data.contact("Requester " + m, m + "@requester.example", null);
		// One supervisor per application context: creating users (bcrypt) is what makes these tests slow.
		supervisor = Api.at(port)
			.withToken(SUPERVISOR_TOKENS.computeIfAbsent(port, p -> testUsers.token(testUsers.user(Role.SUPERVISOR), "read")));
	}

	@Test
	void findsASimplifiedChineseWordInsideALongerText() {
		Ticket complaint = ticket("客户投诉处理延迟 " + m);
		Ticket other = ticket("退货申请 " + m);

		assertThat(ticketIds(supervisor, "投诉 " + m)).contains(complaint.getId()).doesNotContain(other.getId());
		assertThat(ticketIds(supervisor, m)).contains(complaint.getId(), other.getId());
	}

	@Test
	void findsTraditionalAndSimplifiedTextWithATraditionalQuery() {
		Ticket traditional = ticket("客戶投訴處理延遲 " + m);
		Ticket simplified = ticket("客户投诉处理延迟 " + m);
		Ticket other = ticket("退貨申請 " + m);

		assertThat(ticketIds(supervisor, "投訴 " + m)).contains(traditional.getId(), simplified.getId())
			.doesNotContain(other.getId());
		assertThat(ticketIds(supervisor, "投诉 " + m)).contains(traditional.getId(), simplified.getId())
			.doesNotContain(other.getId());
	}

	@Test
	void findsOtherFormsOfABulgarianWordInMessages() {
		Ticket complaint = ticket("Доставка " + m, "Имаме много оплаквания от клиентите за забавената доставка.");
		Ticket other = ticket("Въпрос за фактура " + m, "Кога ще получа фактурата?");

		assertThat(ticketIds(supervisor, "оплакване " + m)).contains(complaint.getId()).doesNotContain(other.getId());
		assertThat(ticketIds(supervisor, "оплакванията " + m)).contains(complaint.getId());
		// Bulgarian stop words in the query are ignored, not required.
		assertThat(ticketIds(supervisor, "оплакване за " + m)).contains(complaint.getId());
	}

	@Test
	void findsEnglishPluralsAndIgnoresStopWords() {
		Ticket complaint = ticket("Complaints about late delivery " + m);
		Ticket other = ticket("Question about an invoice " + m);

		assertThat(ticketIds(supervisor, "complaint " + m)).contains(complaint.getId()).doesNotContain(other.getId());
		assertThat(ticketIds(supervisor, "the complaint of " + m)).contains(complaint.getId());
		assertThat(ticketIds(supervisor, "\"late delivery\" " + m)).contains(complaint.getId());
		assertThat(ticketIds(supervisor, "complaint -delivery " + m)).doesNotContain(complaint.getId());
	}

	@Test
	void findsAMixedLanguageTicketInEveryLanguageAndRequiresEveryWord() {
		Ticket mixed = ticket("Customer complaint 客户投诉 " + m, "Клиентът има оплакване за доставката.");

		assertThat(ticketIds(supervisor, "投訴 " + m)).contains(mixed.getId());
		assertThat(ticketIds(supervisor, "complaints " + m)).contains(mixed.getId());
		assertThat(ticketIds(supervisor, "оплакванията " + m)).contains(mixed.getId());
		assertThat(ticketIds(supervisor, "投诉 оплакване complaints " + m)).contains(mixed.getId());
		assertThat(ticketIds(supervisor, "投诉 refund " + m)).doesNotContain(mixed.getId());
	}

	@Test
	void findsATicketByItsNumber() {
		Ticket ticket = ticket("Printer on fire " + m);

		JsonNode byHash = search(supervisor, "#" + ticket.getId()).json();
		assertThat(byHash.get("tickets").get(0).get("id").asLong()).isEqualTo(ticket.getId());
		assertThat(byHash.get("tickets").get(0).get("number").asLong()).isEqualTo(ticket.getId());
		assertThat(byHash.get("tickets").get(0).get("subject").asString()).isEqualTo("Printer on fire " + m);
		assertThat(byHash.get("tickets").get(0).get("state").asString()).isEqualTo("new");
		assertThat(byHash.get("tickets").get(0).get("priority").asString()).isEqualTo("high");
		assertThat(byHash.get("tickets").get(0).get("createdAt").asString()).isNotBlank();

		assertThat(search(supervisor, String.valueOf(ticket.getId())).json().get("tickets").get(0).get("id").asLong())
			.isEqualTo(ticket.getId());
	}

	@Test
	void findsContactsWithTheirOrganizationAndLeavesMergedContactsOut() {
		Organization org = data.organization(m + " Логистика ООД", m + ".example.bg");
		Contact maria = data.contact("Мария Иванова " + m, "maria." + m + "@example.bg", org.getId());
		Contact duplicate = data.contact("Мария Иванова " + m, "m.ivanova." + m + "@example.bg", org.getId());
		data.markMerged(duplicate, maria);

		JsonNode found = search(supervisor, "мария " + m).json();
		assertThat(ids(found.get("contacts"))).contains(maria.getId()).doesNotContain(duplicate.getId());
		JsonNode hit = found.get("contacts").get(0);
		assertThat(hit.get("name").asString()).isEqualTo("Мария Иванова " + m);
		assertThat(hit.get("email").asString()).isEqualTo("maria." + m + "@example.bg");
		assertThat(hit.get("organizationName").asString()).isEqualTo(m + " Логистика ООД");

		assertThat(ids(search(supervisor, "maria." + m + "@example.bg").json().get("contacts"))).containsExactly(maria.getId());
		assertThat(ids(search(supervisor, "логистиката " + m).json().get("organizations"))).containsExactly(org.getId());
		assertThat(ids(search(supervisor, m + ".example.bg").json().get("organizations"))).contains(org.getId());
	}

	@Test
	void answersGroupedResultsWithTotalsAndHonorsTheLimit() {
		for (int i = 0; i < 3; i++) {
			ticket("Complaint number " + i + " " + m);
		}
		reactions.settle();
		Api.Response response = supervisor.get("/api/v1/search?limit=2&q=" + encode("complaint " + m));
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("tickets")).hasSize(2);
		assertThat(body.get("totals").get("tickets").asLong()).isEqualTo(3);
		assertThat(body.get("totals").get("contacts").asLong()).isZero();
		assertThat(body.get("contacts").isArray()).isTrue();
		assertThat(body.get("organizations").isArray()).isTrue();
		assertThat(body.get("limit").asInt()).isEqualTo(2);
	}

	@Test
	void anAgentOnlyFindsTicketsOfTheirGroupsAndTheirOwn() {
		GroupSummary otherGroup = testUsers.group(AssignmentMode.MANUAL);
		UserSummary agent = testUsers.agentIn(group);
		Ticket inMyGroup = data.ticket("Complaint in my group " + m, requester.getId(), group.id(), null);
		Ticket elsewhere = data.ticket("Complaint elsewhere " + m, requester.getId(), otherGroup.id(), null);
		Ticket mineElsewhere = data.ticket("Complaint I own elsewhere " + m, requester.getId(), otherGroup.id(), agent.id());

		Api agentApi = Api.at(port).withToken(testUsers.token(agent, "read"));
		assertThat(ticketIds(agentApi, "complaint " + m)).contains(inMyGroup.getId(), mineElsewhere.getId())
			.doesNotContain(elsewhere.getId());
		assertThat(ticketIds(agentApi, "#" + elsewhere.getId())).doesNotContain(elsewhere.getId());
		assertThat(search(agentApi, "complaint " + m).json().get("totals").get("tickets").asLong()).isEqualTo(2);

		UserSummary outsider = testUsers.user(Role.AGENT);
		Api outsiderApi = Api.at(port).withToken(testUsers.token(outsider, "read"));
		assertThat(ticketIds(outsiderApi, "complaint " + m)).isEmpty();

		assertThat(ticketIds(supervisor, "complaint " + m)).contains(inMyGroup.getId(), elsewhere.getId(),
				mineElsewhere.getId());
		Api analyst = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ANALYST), "read"));
		assertThat(ticketIds(analyst, "complaint " + m)).contains(elsewhere.getId());
	}

	@Test
	void neverShowsATicketMovedOutOfTheCallersGroupsWhileTheIndexStillHasItsOldGroup() {
		GroupSummary otherGroup = testUsers.group(AssignmentMode.MANUAL);
		UserSummary agent = testUsers.agentIn(group);
		Ticket moved = ticket("Complaint that moved " + m);
		Ticket stays = ticket("Complaint that stays " + m);
		Ticket reassigned = data.ticket("Complaint I owned " + m, requester.getId(), otherGroup.id(), agent.id());
		// As a crash leaves it before the index is repaired: the database has the changes, the index does not.
		jdbc.update("update ticket set group_id = ? where id = ?", otherGroup.id(), moved.getId());
		jdbc.update("update ticket set owner_id = null where id = ?", reassigned.getId());

		Api agentApi = Api.at(port).withToken(testUsers.token(agent, "read"));
		JsonNode all = search(agentApi, "complaint " + m).json();
		assertThat(ids(all.get("tickets"))).containsExactly(stays.getId());
		assertThat(all.get("totals").get("tickets").asLong()).isEqualTo(1);
		assertThat(all.get("totals").get("exact").asBoolean()).isTrue();
		// A page of one is filled with the visible ticket, whichever the index ranks first.
		JsonNode first = agentApi.get("/api/v1/search?limit=1&q=" + encode("complaint " + m)).json();
		assertThat(ids(first.get("tickets"))).containsExactly(stays.getId());
		assertThat(ticketIds(agentApi, "#" + moved.getId())).isEmpty();
		assertThat(ticketIds(supervisor, "complaint " + m)).contains(moved.getId(), stays.getId(), reassigned.getId());
	}

	@Test
	void saysAThousandOrMoreWhenMoreThanAThousandTicketsMatch() {
		data.manyTickets(SearchService.EXACT_TOTAL_UP_TO + 1, "Complaint " + m, 1, "The printer jams", requester.getId(),
				group.id());
		JsonNode body = search(supervisor, "complaint " + m).json();
		assertThat(body.get("totals").get("tickets").asLong()).isEqualTo(SearchService.EXACT_TOTAL_UP_TO);
		assertThat(body.get("totals").get("exact").asBoolean()).isFalse();
		assertThat(body.get("tickets")).hasSize(50);
	}

	@Test
	void neverCountsMoreTicketsThanMatchWhenOneConversationHasThousandsOfMatchingMessages() {
		// 5,002 documents match (each message carries the subject), but only two tickets: too many documents to
		// count the tickets among them, so the total is a lower bound, and never the 1,000 it once said.
		data.manyTickets(1, "Long complaint " + m, SearchService.COUNTED_DOCUMENTS_UP_TO, "Still waiting", requester.getId(),
				group.id());
		ticket("Short complaint " + m);
		JsonNode body = search(supervisor, "complaint " + m).json();
		assertThat(ids(body.get("tickets"))).hasSize(2);
		assertThat(body.get("totals").get("tickets").asLong()).isEqualTo(2);
		assertThat(body.get("totals").get("exact").asBoolean()).isFalse();
	}

	@Test
	void aWordOnlyInThousandsOfMessagesCountsTheTicketsFoundWhileRanking() {
		data.manyTickets(3, "Printer question", SearchService.COUNTED_DOCUMENTS_UP_TO / 3 + 1, "Still waiting " + m,
				requester.getId(), group.id());
		JsonNode body = search(supervisor, "waiting " + m).json();
		assertThat(ids(body.get("tickets"))).hasSize(3);
		assertThat(body.get("totals").get("tickets").asLong()).isEqualTo(3);
		assertThat(body.get("totals").get("exact").asBoolean()).isFalse();
	}

	@Test
	void refusesRequestsWithoutAValidToken() {
		assertThat(Api.at(port).get("/api/v1/search?q=x").status()).isEqualTo(401);
		assertThat(Api.at(port).withToken("rpt_forged").get("/api/v1/search?q=x").status()).isEqualTo(401);

		UserSummary agent = testUsers.user(Role.AGENT);
		String token = testUsers.token(agent, "read", "write");
		Api api = Api.at(port).withToken(token);
		long tokenId = api.get("/api/v1/tokens").json().get("items").get(0).get("id").asLong();
		assertThat(api.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/search?q=x").status()).isEqualTo(401);
	}

	@Test
	void refusesAMissingBlankOrTooLongQueryAndABadLimit() {
		assertBadRequest(supervisor.get("/api/v1/search"), "q");
		assertBadRequest(supervisor.get("/api/v1/search?q="), "q");
		assertBadRequest(supervisor.get("/api/v1/search?q=" + encode("   ")), "q");
		assertBadRequest(supervisor.get("/api/v1/search?q=" + "a".repeat(201)), "q");
		assertBadRequest(supervisor.get("/api/v1/search?q=x&limit=0"), "limit");
		assertBadRequest(supervisor.get("/api/v1/search?q=x&limit=51"), "limit");
		assertBadRequest(supervisor.get("/api/v1/search?q=x&limit=ten"), "limit");
		assertThat(supervisor.get("/api/v1/search?q=" + "a".repeat(200)).status()).isEqualTo(200);
		assertThat(supervisor.get("/api/v1/search?q=x&limit=50").status()).isEqualTo(200);
	}

	@Test
	void answersNothingForAQueryOfOnlyStopWordsOrOperators() {
		ticket("The complaint " + m);
		for (String q : List.of("the", "и", "-", "\"", "()", "|")) {
			Api.Response response = search(supervisor, q);
			assertThat(response.status()).as(q).isEqualTo(200);
			assertThat(response.json().get("tickets")).as(q).isEmpty();
		}
	}

	@Test
	void rebuildsTheIndexFromRowsWrittenAroundIt() {
		// A bulk load by SQL, as the benchmark generator does: Hibernate Search never sees these rows.
		long id = jdbc.queryForObject(TestDatabase.isPostgres() ? "select nextval('organization_seq')"
				: "select next value for organization_seq", Long.class);
		jdbc.update("insert into organization (id, name, kind, lifecycle_stage, language, created_at, version) "
				+ "values (?, ?, 'COMPANY', 'CUSTOMER', 'bg', current_timestamp, 0)", id, "Склад " + m);
		assertThat(ids(search(supervisor, "склад " + m).json().get("organizations"))).isEmpty();
		assertThat(searchIndex.incompleteTypes()).contains(Organization.class);

		searchIndex.reindexAll();

		assertThat(ids(search(supervisor, "склад " + m).json().get("organizations"))).containsExactly(id);
		assertThat(searchIndex.incompleteTypes()).doesNotContain(Organization.class);
	}

	@Test
	void letsOnlyAnAdminStartARebuild() throws InterruptedException {
		Api admin = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "admin"));
		Api adminReadOnly = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read"));
		Api agent = Api.at(port).withToken(testUsers.token(testUsers.user(Role.AGENT), "read", "write"));

		assertThat(Api.at(port).post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(401);
		assertThat(agent.post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(403);
		assertThat(adminReadOnly.post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(403);
		Api.Response started = admin.post("/api/v1/search/reindex", Map.of());
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.json().get("status").asString()).isIn("started", "already-running");
		waitForTheRebuildToFinish();
	}

	private void waitForTheRebuildToFinish() throws InterruptedException {
		// Not a timed assertion: later tests in this context must not search a half-built index.
		while (searchIndex.isReindexing()) {
			Thread.sleep(20);
		}
	}

	private Ticket ticket(String subject, String... messages) {
		return data.ticket(subject, requester.getId(), group.id(), null, messages);
	}

	/** A search once what the test wrote is in the index (indexing runs in the background). */
	private Api.Response search(Api api, String q) {
		reactions.settle();
		return api.get("/api/v1/search?limit=50&q=" + encode(q));
	}

	private List<Long> ticketIds(Api api, String q) {
		Api.Response response = search(api, q);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return ids(response.json().get("tickets"));
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static void assertBadRequest(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private static String encode(String q) {
		return URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

}
