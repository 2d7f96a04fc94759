package app.rapport.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking a queue by keyset (what exports do) gives exactly the tickets, in exactly the order, that the
 * paged list gives, in every sort and direction, also when many tickets share the sort key.
 */
@RapportIntegrationTest
class TicketWalkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	TicketService tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void walksEveryTicketOnceInTheListsOrderAcrossPagesAndTies() {
		GroupSummary group = users.group(AssignmentMode.MANUAL);
		var agent = users.agentIn(group);
		Api api = Api.at(port).withToken(users.token(agent, "read", "write"));
		String[] priorities = { "low", "normal", "high", "urgent" };
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			Api.Response r = api.post("/api/v1/tickets", Map.of("subject", "Walk " + i, "body", "b", "priority",
					priorities[i % 4], "groupId", group.id(), "requester",
					Map.of("email", "walk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			ids.add(r.json().get("id").asLong());
		}
		// Ties on every sort key but the id for most of them.
		Instant same = Instant.parse("2026-05-01T10:00:00Z");
		for (int i = 0; i < ids.size(); i++) {
			Instant at = i % 3 == 0 ? same.plusSeconds(i) : same;
			jdbc.update("update ticket set created_at = ?, updated_at = ? where id = ?", Timestamp.from(at),
					Timestamp.from(at), ids.get(i));
		}
		var me = users.current(agent);
		for (TicketQuery.Sort sort : TicketQuery.Sort.values()) {
			for (boolean ascending : List.of(true, false)) {
				TicketQuery query = new TicketQuery(Queue.GROUPS, null, null, null, group.id(), null, null, null, sort,
						ascending);
				List<Long> paged = tickets.find(query, app.rapport.shared.Paging.of(0, 50, Sort.unsorted()), me)
					.map(TicketView::id)
					.getContent();
				List<Long> walked = tickets.walk(query, 3, 1000, me).map(TicketView::id).toList();
				assertThat(paged).as("%s %s", sort, ascending ? "ascending" : "descending")
					.containsExactlyInAnyOrderElementsOf(ids);
				assertThat(walked).as("%s %s", sort, ascending ? "ascending" : "descending").isEqualTo(paged);
			}
		}
		assertThat(tickets.walk(TicketQuery.of(Queue.GROUPS), 3, 5, me).count()).isEqualTo(5);
	}

}
