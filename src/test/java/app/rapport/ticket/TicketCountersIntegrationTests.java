package app.rapport.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket counters stay exact whatever happens to tickets: random creations, assignments,
 * reassignments, state changes, group changes and merges over the API, with folds in between, and every
 * counter (folded plus pending changes) compared with a {@code count(*)} over the tickets.
 */
@RapportIntegrationTest
class TicketCountersIntegrationTests {

	static final String[] STATES = { "open", "pending_customer", "on_hold", "solved", "closed", "new" };

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	TicketCounters counters;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyCounterEqualsACountOfTheTicketsAfterRandomOperations() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Api admin = Api.at(port).withToken(users.token(users.user(Role.ADMIN), "read", "write"));
		List<GroupSummary> groups = List.of(users.group(AssignmentMode.ROUND_ROBIN), users.group(AssignmentMode.MANUAL),
				users.group(AssignmentMode.LEAST_OPEN));
		List<Long> agents = new ArrayList<>();
		for (GroupSummary g : groups) {
			agents.add(users.agentIn(g).id());
			agents.add(users.agentIn(g).id());
		}
		List<Long> tickets = new ArrayList<>();
		Map<String, Integer> done = new HashMap<>();
		for (int step = 0; step < 160; step++) {
			int op = tickets.size() < 5 ? 0 : random.nextInt(6);
			String what = switch (op) {
				case 0 -> {
					Api.Response r = admin.post("/api/v1/tickets", Map.of("subject", "Counted " + step, "body", "Body",
							"requester", Map.of("email", "count-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"),
							"groupId", groups.get(random.nextInt(groups.size())).id()));
					assertThat(r.status()).as(r.body()).isEqualTo(201);
					tickets.add(r.json().get("id").asLong());
					yield "create";
				}
				case 1 -> patch(admin, pick(random, tickets), Map.of("ownerId", pick(random, agents))) ? "assign" : "refused";
				case 2 -> patch(admin, pick(random, tickets), mapOf("ownerId", null)) ? "unassign" : "refused";
				case 3 -> patch(admin, pick(random, tickets), Map.of("state", STATES[random.nextInt(STATES.length)])) ? "state"
						: "refused";
				case 4 -> patch(admin, pick(random, tickets), Map.of("groupId", groups.get(random.nextInt(groups.size())).id()))
						? "group" : "refused";
				default -> {
					long source = pick(random, tickets);
					long target = pick(random, tickets);
					yield admin.post("/api/v1/tickets/" + source + "/merge", Map.of("intoId", target)).status() == 200 ? "merge"
							: "refused";
				}
			};
			done.merge(what, 1, Integer::sum);
			if (random.nextInt(10) == 0) {
				counters.fold();
			}
		}
		assertThat(done).as("seed " + seed).containsKeys("create", "assign", "state", "group", "merge");

		// This test's groups only: other tests share the database.
		String ours = " where group_id in (" + groups.get(0).id() + ", " + groups.get(1).id() + ", " + groups.get(2).id() + ")";
		Map<String, Long> counted = new HashMap<>();
		jdbc.query("select group_id, owner_id, state, sum(n) from (select group_id, owner_id, state, tickets n from ticket_counter" + ours
				+ " union all select group_id, owner_id, state, delta n from ticket_counter_change" + ours + ") c group by group_id, owner_id, state",
				rs -> {
					if (rs.getLong(4) != 0) {
						counted.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3), rs.getLong(4));
					}
				});
		Map<String, Long> actual = new HashMap<>();
		jdbc.query("select group_id, coalesce(owner_id, 0), state, count(*) from ticket" + ours + " group by group_id, coalesce(owner_id, 0), state",
				rs -> {
					actual.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3), rs.getLong(4));
				});
		assertThat(counted).as("counters after " + done + " (seed " + seed + ")").isEqualTo(actual);

		counters.fold();
		assertThat(jdbc.queryForObject("select count(*) from ticket_counter_change" + ours, Long.class)).isZero();
		Map<String, Long> folded = new HashMap<>();
		jdbc.query("select group_id, owner_id, state, tickets from ticket_counter" + ours + " and tickets <> 0", rs -> {
			folded.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3), rs.getLong(4));
		});
		assertThat(folded).as("after the last fold (seed " + seed + ")").isEqualTo(actual);
	}

	static long pick(Random random, List<Long> from) {
		return from.get(random.nextInt(from.size()));
	}

	static Map<String, Object> mapOf(String key, Object value) {
		Map<String, Object> m = new HashMap<>();
		m.put(key, value);
		return m;
	}

	/** A change with the ticket's current version; false when the API refused it (e.g. a forbidden state change). */
	static boolean patch(Api admin, long id, Map<String, Object> change) {
		Api.Response current = admin.get("/api/v1/tickets/" + id);
		Map<String, Object> body = new HashMap<>(change);
		body.put("version", current.json().get("version").asLong());
		return admin.patch("/api/v1/tickets/" + id, body, Map.of()).status() == 200;
	}

}
