package app.rapport.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending index work that makes search crash-safe: a row for every changed document in the changing
 * transaction, deleted only after the index is committed, and reindexed from the database at start-up. The
 * kill itself is in {@link SearchIndexCrashIntegrationTests}.
 */
@RapportIntegrationTest
class PendingIndexWorkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PendingIndexWork pending;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@PersistenceContext
	EntityManager em;

	SearchTestData data;

	GroupSummary group;

	Api api;

	String m;

	@BeforeEach
	void setUp() {
		data = new SearchTestData(em, tx, clock);
		group = testUsers.group(AssignmentMode.MANUAL);
		api = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "write"));
		m = SearchTestData.marker();
		// The rows are what these tests look at: the background indexer would take them away.
		pending.pause(true);
	}

	@org.junit.jupiter.api.AfterEach
	void letTheIndexerGo() {
		pending.pause(false);
		pending.flush();
	}

	@Test
	void recordsEveryDocumentAChangeTouchesInTheChangingTransaction() {
		JsonNode ticket = created(api.post("/api/v1/tickets", Map.of("subject", "Printer " + m, "body", "It is on fire",
				"requester", Map.of("email", m + "@requester.example", "name", "Requester " + m), "groupId", group.id())));
		long ticketId = ticket.get("id").asLong();
		long contactId = ticket.get("requester").get("id").asLong();
		assertThat(batches("TICKET", ticketId)).isEqualTo(1);
		assertThat(batches("CONVERSATION", ticketId)).isZero();
		long firstMessage = api.get("/api/v1/tickets/" + ticketId + "/messages").json().get("items").get(0).get("id").asLong();
		assertThat(batches("MESSAGE", firstMessage)).isEqualTo(1);

		// The subject is copied into every message's document: the whole conversation is indexed again.
		long conversations = batches("CONVERSATION", ticketId);
		patch("/api/v1/tickets/" + ticketId,
				Map.of("subject", "Printer still " + m, "version", ticket.get("version").asLong()));
		assertThat(batches("CONVERSATION", ticketId)).isEqualTo(conversations + 1);

		// A reply is one document, however long the conversation: its ticket's documents are left alone.
		long before = jdbc.queryForObject("select count(*) from search_pending", Long.class);
		JsonNode reply = created(api.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "Smoke now", "public", false)));
		assertThat(batches("MESSAGE", reply.get("id").asLong())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from search_pending", Long.class)).isEqualTo(before + 1);

		// Nor does a change of state: no indexed field changes.
		long versionNow = api.get("/api/v1/tickets/" + ticketId).json().get("version").asLong();
		patch("/api/v1/tickets/" + ticketId, Map.of("state", "OPEN", "version", versionNow));
		assertThat(batches("TICKET", ticketId) + batches("CONVERSATION", ticketId)).isEqualTo(1 + conversations + 1);

		JsonNode contact = api.get("/api/v1/contacts/" + contactId).json();
		long contactBatches = batches("CONTACT", contactId);
		patch("/api/v1/contacts/" + contactId, Map.of("name", "Renamed " + m, "version", contact.get("version").asLong()));
		assertThat(batches("CONTACT", contactId)).isEqualTo(contactBatches + 1);

		JsonNode organization = created(api.post("/api/v1/organizations", Map.of("name", "Org " + m)));
		long organizationId = organization.get("id").asLong();
		patch("/api/v1/organizations/" + organizationId,
				Map.of("name", "Org renamed " + m, "version", organization.get("version").asLong()));
		assertThat(batches("ORGANIZATION", organizationId)).isEqualTo(2);
	}

	@Test
	void recordsNothingForATransactionThatRollsBack() {
		Contact contact = data.contact("Before " + m, m + "@rollback.example", null);
		long before = batches("CONTACT", contact.getId());

		tx.executeWithoutResult(status -> {
			em.find(Contact.class, contact.getId()).setName("After " + m);
			em.flush();
			status.setRollbackOnly();
		});

		assertThat(batches("CONTACT", contact.getId())).isEqualTo(before);
	}

	@Test
	void indexesEveryPendingChangeAlsoOneLeftByACrashAndThenDeletesItsRows() {
		Contact contact = data.contact("Flushed " + m, m + "@flush.example", null);
		assertThat(batches("CONTACT", contact.getId())).isEqualTo(1);
		// A row left by a crash (or by another node) is pending work like any other.
		jdbc.update("insert into search_pending (entity, entity_id, batch_id, recorded_at) values (?, ?, ?, ?)",
				"CONTACT", contact.getId(), "left-by-a-crash", Timestamp.from(clock.instant()));
		assertThat(ids(search("flushed " + m), "contacts")).as("not indexed while the indexer is held").isEmpty();
		assertThat(pending.lag()).isPositive();

		assertThat(pending.flush()).isGreaterThanOrEqualTo(2);

		assertThat(batches("CONTACT", contact.getId())).isZero();
		assertThat(ids(search("flushed " + m), "contacts")).containsExactly(contact.getId());
	}

	@Test
	void theBackgroundIndexerMakesAChangeSearchableWithoutAnyoneAsking() {
		pending.pause(false);
		Contact contact = data.contact("Background " + m, m + "@background.example", null);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> batches("CONTACT", contact.getId()) == 0);
		assertThat(ids(search("background " + m), "contacts")).containsExactly(contact.getId());
		assertThat(pending.lag()).isLessThan(java.time.Duration.ofSeconds(10));
	}

	@Test
	void reindexesWhatACrashLeftPendingAndRemovesWhatIsGone() {
		GroupSummary away = testUsers.group(AssignmentMode.MANUAL);
		Contact requester = data.contact("Requester " + m, m + "@crash.example", null);
		Ticket ticket = data.ticket("Toner jam " + m, requester.getId(), group.id(), null, "Pages come out smudged");
		Organization gone = data.organization("Vanished " + m, null);
		pending.flush();
		// What a kill leaves: the database has the changes and their rows, the index on disk does not.
		jdbc.update("update ticket set subject = ?, group_id = ? where id = ?", "Paper jam " + m, away.id(),
				ticket.getId());
		jdbc.update("update contact set name = ? where id = ?", "Renamed " + m, requester.getId());
		jdbc.update("delete from organization where id = ?", gone.getId());
		leftByACrash("CONVERSATION", ticket.getId());
		leftByACrash("CONTACT", requester.getId());
		leftByACrash("ORGANIZATION", gone.getId());
		assertThat(ids(search("paper " + m), "tickets")).isEmpty();
		assertThat(indexedInGroup(ticket.getId(), group.id())).isTrue();

		assertThat(pending.flush()).isGreaterThanOrEqualTo(3);

		assertThat(ids(search("paper " + m), "tickets")).containsExactly(ticket.getId());
		// The message's document carries the new subject too.
		assertThat(ids(search("paper smudged " + m), "tickets")).containsExactly(ticket.getId());
		assertThat(indexedInGroup(ticket.getId(), away.id())).isTrue();
		assertThat(indexedInGroup(ticket.getId(), group.id())).isFalse();
		assertThat(ids(search("renamed " + m), "contacts")).containsExactly(requester.getId());
		assertThat(ids(search("vanished " + m), "organizations")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from search_pending where batch_id = 'left-by-a-crash'",
				Long.class)).isZero();
	}

	private void leftByACrash(String kind, long id) {
		jdbc.update("insert into search_pending (entity, entity_id, batch_id, recorded_at) values (?, ?, ?, ?)", kind,
				id, "left-by-a-crash", Timestamp.from(clock.instant()));
	}

	/** Whether the index on its own (without the database check of search results) files the ticket under the group. */
	private boolean indexedInGroup(long ticketId, long groupId) {
		return tx.execute(s -> Search.session(em)
			.search(Ticket.class)
			.where(f -> f.bool().must(f.id().matching(ticketId)).must(f.match().field("groupId").matching(groupId)))
			.fetchTotalHitCount()) == 1;
	}

	private long batches(String kind, long id) {
		return jdbc.queryForObject(
				"select count(distinct batch_id) from search_pending where entity = ? and entity_id = ?", Long.class,
				kind, id);
	}

	private JsonNode created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private void patch(String path, Map<String, Object> body) {
		Api.Response response = api.patch(path, body, Map.of());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private JsonNode search(String q) {
		Api.Response response = api.get("/api/v1/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<Long> ids(JsonNode results, String kind) {
		List<Long> ids = new ArrayList<>();
		results.get(kind).forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

}
