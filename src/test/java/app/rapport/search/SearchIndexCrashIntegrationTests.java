package app.rapport.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.rapport.support.Api;
import app.rapport.support.RapportProcess;
import app.rapport.support.TestDatabase;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rapport is killed with SIGKILL in the middle of a burst of subject changes, group moves and renames, and
 * started again on the same data: every acknowledged change must be searchable, and an agent must never get
 * a ticket that left their groups. Runs a separate JVM (twice), on the H2 file or, in the PostgreSQL run, on
 * a PostgreSQL database of its own.
 */
@Tag("database")
class SearchIndexCrashIntegrationTests {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	/** How long the restarted process may take to make every change searchable. */
	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	private static final int TICKETS = 80;

	private static final int CUSTOMERS = 8;

	private static final int THREADS = 4;

	/** Acknowledged changes after which the process is killed: mid-burst, the burst has more to send. */
	private static final int KILL_AFTER = 360;

	private static final String AGENT_PASSWORD = "agent-crash-password-1";

	@TempDir
	Path dataDir;

	/** Words the analyzers keep whole in every language: consonants only, so no stemmer shortens them. */
	private static String word(String prefix, int number) {
		String consonants = "bcdfghjklm";
		StringBuilder sb = new StringBuilder(prefix);
		String digits = String.format("%05d", number);
		for (char c : digits.toCharArray()) {
			sb.append(consonants.charAt(c - '0'));
		}
		return sb.toString();
	}

	private final String m = word("zq", ThreadLocalRandom.current().nextInt(100_000));

	/**
	 * One thing changed in the burst (a ticket, contact or organization): its name as last acknowledged and
	 * as last sent (which the database may hold without the answer having arrived), and whether a move to
	 * the other group was acknowledged.
	 */
	private static final class Tracked {

		final long id;

		final String key;

		volatile long version;

		volatile String ackedName;

		volatile String inFlightName;

		volatile boolean ackedMove;

		Tracked(long id, String key, long version, String name) {
			this.id = id;
			this.key = key;
			this.version = version;
			this.ackedName = name;
		}

	}

	@Test
	void findsEveryAcknowledgedChangeAndNeverShowsAMovedTicketAfterTheProcessIsKilledMidBurst() throws Exception {
		String database = TestDatabase.isPostgres() ? TestDatabase.createPostgresDatabase() : null;
		Map<String, String> env = TestDatabase.isPostgres()
				? Map.of("RAPPORT_DB_USER", TestDatabase.postgresUser(), "RAPPORT_DB_PASSWORD",
						TestDatabase.postgresPassword())
				: Map.of();
		List<Tracked> tickets = new ArrayList<>();
		List<Tracked> contacts = new ArrayList<>();
		List<Tracked> organizations = new ArrayList<>();
		long home;
		long away;
		String agentEmail = "agent-" + m + "@crash.rapport";
		AtomicInteger acknowledged = new AtomicInteger();
		try (RapportProcess first = RapportProcess.start(dataDir, database, env, START_TIMEOUT)) {
			WebSession admin = WebSession.at(first.port());
			assertThat(admin.signIn(RapportProcess.ADMIN_EMAIL, RapportProcess.ADMIN_PASSWORD).status()).isEqualTo(302);
			home = createGroup(admin, "Home " + m);
			away = createGroup(admin, "Away " + m);
			admin.get("/admin/users/new");
			WebSession.Page created = admin.post("/admin/users",
					Map.of("email", agentEmail, "displayName", "Agent " + m, "role", "AGENT", "language", "en",
							"timeZone", "UTC", "groupIds", List.of(home), "password", AGENT_PASSWORD, "active", "true"));
			assertThat(created.status()).as(created.toString()).isEqualTo(302);
			Api api = first.api().withToken(token(first.api(), RapportProcess.ADMIN_EMAIL, RapportProcess.ADMIN_PASSWORD));

			Long requesterId = null;
			for (int i = 0; i < TICKETS; i++) {
				String subject = subject(i, 0);
				Map<String, Object> requester = requesterId == null
						? Map.of("email", m + "@requester.example", "name", "Requester " + m) : Map.of("id", requesterId);
				Api.Response r = api.post("/api/v1/tickets", Map.of("subject", subject, "body", "Burst " + m,
						"requester", requester, "groupId", home));
				assertThat(r.status()).as(r.toString()).isEqualTo(201);
				requesterId = r.json().get("requester").get("id").asLong();
				tickets.add(new Tracked(r.json().get("id").asLong(), word("k", i), r.json().get("version").asLong(),
						subject));
			}
			for (int i = 0; i < CUSTOMERS; i++) {
				String name = customerName("Contact", i, 0);
				Api.Response c = api.post("/api/v1/contacts", Map.of("name", name, "email", word("c", i) + m + "@c.example"));
				assertThat(c.status()).as(c.toString()).isEqualTo(201);
				contacts.add(new Tracked(c.json().get("id").asLong(), word("c", i), c.json().get("version").asLong(), name));
				String orgName = customerName("Organization", i, 0);
				Api.Response o = api.post("/api/v1/organizations", Map.of("name", orgName));
				assertThat(o.status()).as(o.toString()).isEqualTo(201);
				organizations.add(new Tracked(o.json().get("id").asLong(), word("o", i), o.json().get("version").asLong(),
						orgName));
			}

			// The burst: each thread changes its own share of everything, round after round, until the kill.
			AtomicBoolean killed = new AtomicBoolean();
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			List<Thread> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				Thread worker = new Thread(() -> {
					try {
						for (int round = 1; round < 1_000 && !killed.get(); round++) {
							for (int i = thread; i < TICKETS && !killed.get(); i += THREADS) {
								Tracked ticket = tickets.get(i);
								rename(api, "/api/v1/tickets/", ticket, "subject", subject(i, round));
								acknowledge(acknowledged, killed, first);
								// About two in five tickets leave the agent's group, spread over the burst.
								if (!ticket.ackedMove && (i + round) % 5 == 0 && i % 5 < 2 && !killed.get()) {
									move(api, ticket, away);
									acknowledge(acknowledged, killed, first);
								}
							}
							for (int i = thread; i < CUSTOMERS && !killed.get(); i += THREADS) {
								rename(api, "/api/v1/contacts/", contacts.get(i), "name", customerName("Contact", i, round));
								acknowledge(acknowledged, killed, first);
								rename(api, "/api/v1/organizations/", organizations.get(i), "name",
										customerName("Organization", i, round));
								acknowledge(acknowledged, killed, first);
							}
						}
					}
					catch (IllegalStateException connectionLost) {
						// The process was killed under this request: it was never acknowledged.
					}
					catch (Throwable unexpected) {
						failures.add(unexpected);
					}
				});
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join(120_000);
			}
			assertThat(failures).as("failures during the burst").isEmpty();
			assertThat(killed).as("the burst ended before the kill").isTrue();
		}

		try (RapportProcess second = RapportProcess.start(dataDir, database, env, START_TIMEOUT)) {
			Api api = second.api().withToken(token(second.api(), RapportProcess.ADMIN_EMAIL, RapportProcess.ADMIN_PASSWORD));
			Api agent = second.api().withToken(token(second.api(), agentEmail, AGENT_PASSWORD));

			// What the database holds now: the acknowledged change, or a later one that was still in flight.
			Map<Long, String> subjects = new ConcurrentHashMap<>();
			Set<Long> moved = new HashSet<>();
			for (Tracked ticket : tickets) {
				JsonNode t = api.get("/api/v1/tickets/" + ticket.id).json();
				String subject = t.get("subject").asString();
				assertThat(subject).as("database subject of ticket %d", ticket.id)
					.isIn(ticket.ackedName, ticket.inFlightName);
				subjects.put(ticket.id, subject);
				long group = t.get("group").get("id").asLong();
				if (ticket.ackedMove) {
					assertThat(group).as("database group of ticket %d", ticket.id).isEqualTo(away);
				}
				if (group == away) {
					moved.add(ticket.id);
				}
			}
			assertThat(moved).as("tickets moved before the kill").isNotEmpty();

			// Right after the restart, and whatever the index holds, the agent gets none of the moved tickets.
			assertNoMovedTicketReaches(agent, tickets, moved);

			long deadline = System.nanoTime() + CATCH_UP.toNanos();
			List<String> missing;
			do {
				missing = missing(api, agent, tickets, subjects, moved, contacts, organizations);
			}
			while (!missing.isEmpty() && System.nanoTime() < deadline && pause());
			assertThat(missing).as("changes not searchable %s after the restart (%d acknowledged before the kill)",
					CATCH_UP, acknowledged.get()).isEmpty();
			assertNoMovedTicketReaches(agent, tickets, moved);
		}
	}

	private String subject(int ticket, int round) {
		return "Crash " + m + " " + word("k", ticket) + " " + word("v", ticket * 1000 + round);
	}

	private String customerName(String kind, int index, int round) {
		String prefix = kind.equals("Contact") ? "c" : "o";
		return kind + " " + m + " " + word(prefix, index) + " " + word(prefix + "v", index * 1000 + round);
	}

	/** The word of a subject or name that only this version of it has. */
	private static String versionWord(String text) {
		return text.substring(text.lastIndexOf(' ') + 1);
	}

	private static void acknowledge(AtomicInteger acknowledged, AtomicBoolean killed, RapportProcess process) {
		if (acknowledged.incrementAndGet() == KILL_AFTER) {
			killed.set(true);
			process.kill();
		}
	}

	private static void rename(Api api, String path, Tracked thing, String field, String name) {
		thing.inFlightName = name;
		Api.Response r = api.patch(path + thing.id, Map.of(field, name, "version", thing.version), Map.of());
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		thing.version = r.json().get("version").asLong();
		thing.ackedName = name;
	}

	private static void move(Api api, Tracked ticket, long group) {
		Api.Response r = api.patch("/api/v1/tickets/" + ticket.id, Map.of("groupId", group, "version", ticket.version),
				Map.of());
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		ticket.version = r.json().get("version").asLong();
		ticket.ackedMove = true;
	}

	/** Each moved ticket, searched by the words all its versions share, must not reach the agent. */
	private void assertNoMovedTicketReaches(Api agent, List<Tracked> tickets, Set<Long> moved) {
		for (Tracked ticket : tickets) {
			if (moved.contains(ticket.id)) {
				JsonNode found = search(agent, m + " " + ticket.key);
				assertThat(found.get("tickets")).as("ticket %d moved out of the agent's group", ticket.id).isEmpty();
				assertThat(found.get("totals").get("tickets").asLong()).isZero();
			}
		}
	}

	/** What the index does not show yet, as readable lines; empty when search agrees with the database. */
	private List<String> missing(Api admin, Api agent, List<Tracked> tickets, Map<Long, String> subjects,
			Set<Long> moved, List<Tracked> contacts, List<Tracked> organizations) {
		List<String> missing = new ArrayList<>();
		for (Tracked ticket : tickets) {
			String word = versionWord(subjects.get(ticket.id));
			if (!ids(search(admin, m + " " + word), "tickets").contains(ticket.id)) {
				missing.add("ticket " + ticket.id + " by its subject word " + word);
			}
		}
		// The agent's count for the shared word is exact and counts only the tickets still in their group.
		JsonNode all = search(agent, m);
		long expected = tickets.size() - moved.size();
		if (all.get("totals").get("tickets").asLong() != expected) {
			missing.add("agent's total " + all.get("totals").get("tickets").asLong() + " instead of " + expected);
		}
		for (Tracked contact : contacts) {
			String name = admin.get("/api/v1/contacts/" + contact.id).json().get("name").asString();
			assertThat(name).isIn(contact.ackedName, contact.inFlightName);
			if (!ids(search(admin, m + " " + versionWord(name)), "contacts").contains(contact.id)) {
				missing.add("contact " + contact.id + " by its name " + name);
			}
		}
		for (Tracked organization : organizations) {
			String name = admin.get("/api/v1/organizations/" + organization.id).json().get("name").asString();
			assertThat(name).isIn(organization.ackedName, organization.inFlightName);
			if (!ids(search(admin, m + " " + versionWord(name)), "organizations").contains(organization.id)) {
				missing.add("organization " + organization.id + " by its name " + name);
			}
		}
		return missing;
	}

	private static JsonNode search(Api api, String q) {
		Api.Response r = api.get("/api/v1/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private static Set<Long> ids(JsonNode results, String kind) {
		Set<Long> ids = new HashSet<>();
		results.get(kind).forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static long createGroup(WebSession admin, String name) {
		admin.get("/admin/groups/new");
		WebSession.Page created = admin.post("/admin/groups", Map.of("name", name, "assignmentMode", "MANUAL"));
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		return Long.parseLong(created.location().replaceAll(".*/admin/groups/(\\d+).*", "$1"));
	}

	private static String token(Api api, String email, String password) {
		Api.Response r = api.withBasic(email, password)
			.post("/api/v1/tokens", Map.of("name", "crash", "scopes", List.of("read", "write")));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("token").asString();
	}

	private static boolean pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return true;
	}

}
