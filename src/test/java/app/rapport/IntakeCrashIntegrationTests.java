package app.rapport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost across {@code kill -9} during intake: eight clients create tickets, the
 * process is killed after a random number of them were answered 201, and started again on the same data.
 * Every acknowledged ticket then exists exactly once, gets its commitment clocks and is found by search.
 * {@code -Drapport.crash.runs=10} repeats it (the benchmark's figures); each run prints its counts.
 */
@Tag("database")
class IntakeCrashIntegrationTests {

	static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	static final Duration CATCH_UP = Duration.ofSeconds(60);

	static final int CLIENTS = 8;

	@TempDir
	Path work;

	/** A word every analyzer keeps whole: consonants only. */
	static String word(String prefix, long number) {
		String consonants = "bcdfghjklm";
		StringBuilder sb = new StringBuilder(prefix);
		for (char c : String.format("%07d", number).toCharArray()) {
			sb.append(consonants.charAt(c - '0'));
		}
		return sb.toString();
	}

	@Test
	void everyAcknowledgedTicketExistsOnceWithItsClocksAndIsFoundAfterAKillMidIntake() throws Exception {
		int runs = Integer.getInteger("rapport.crash.runs", 1);
		for (int run = 1; run <= runs; run++) {
			Path dataDir = Files.createDirectories(work.resolve("run-" + run));
			oneRun(run, dataDir);
		}
	}

	void oneRun(int run, Path dataDir) throws Exception {
		String database = TestDatabase.isPostgres() ? TestDatabase.createPostgresDatabase() : null;
		Map<String, String> env = TestDatabase.isPostgres()
				? Map.of("RAPPORT_DB_USER", TestDatabase.postgresUser(), "RAPPORT_DB_PASSWORD", TestDatabase.postgresPassword())
				: Map.of();
		String marker = word("zx", ThreadLocalRandom.current().nextInt(10_000_000));
		int killAfter = ThreadLocalRandom.current().nextInt(40, 200);
		Map<Long, String> acknowledged = new ConcurrentHashMap<>();
		AtomicInteger sent = new AtomicInteger();
		try (RapportProcess first = RapportProcess.start(dataDir, database, env, START_TIMEOUT)) {
			Api api = first.api().withToken(token(first.api()));
			AtomicBoolean killed = new AtomicBoolean();
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			List<Thread> clients = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				Thread thread = new Thread(() -> {
					try {
						for (int i = 0; i < 10_000 && !killed.get(); i++) {
							String key = word("k", client * 100_000L + i);
							sent.incrementAndGet();
							Api.Response r = api.post("/api/v1/tickets", Map.of("subject", "Intake " + marker + " " + key,
									"body", "Crash intake " + marker, "tags", List.of(key), "requester",
									Map.of("email", key + "@" + marker + ".example")));
							if (r.status() != 201) {
								failures.add(new AssertionError(r.toString()));
								return;
							}
							acknowledged.put(r.json().get("id").asLong(), key);
							if (acknowledged.size() >= killAfter && killed.compareAndSet(false, true)) {
								first.kill();
							}
						}
					}
					catch (IllegalStateException connectionLost) {
						// Killed under this request: never acknowledged.
					}
					catch (Throwable unexpected) {
						failures.add(unexpected);
					}
				});
				thread.start();
				clients.add(thread);
			}
			for (Thread thread : clients) {
				thread.join(120_000);
			}
			assertThat(failures).as("failures during intake").isEmpty();
			assertThat(killed).as("killed mid-intake").isTrue();
		}

		try (RapportProcess second = RapportProcess.start(dataDir, database, env, START_TIMEOUT)) {
			Api api = second.api().withToken(token(second.api()));
			Set<Long> withoutClocks = ConcurrentHashMap.newKeySet();
			Set<Long> notFound = ConcurrentHashMap.newKeySet();
			for (var ticket : acknowledged.entrySet()) {
				Api.Response byTag = api.get("/api/v1/tickets?queue=all&size=5&tag=" + ticket.getValue());
				assertThat(byTag.status()).as(byTag.toString()).isEqualTo(200);
				assertThat(byTag.json().get("total").asLong()).as("ticket %s stored exactly once", ticket.getValue())
					.isEqualTo(1);
				assertThat(byTag.json().get("items").get(0).get("id").asLong()).isEqualTo(ticket.getKey());
				withoutClocks.add(ticket.getKey());
				notFound.add(ticket.getKey());
			}
			long started = System.nanoTime();
			Awaitility.await("clocks and search for every acknowledged ticket")
				.atMost(CATCH_UP)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					withoutClocks.removeIf(id -> !api.get("/api/v1/tickets/" + id + "/clocks").json().isEmpty());
					// Each ticket by the word only it has (the marker alone finds at most a page of them).
					notFound.removeIf(id -> searchOne(api, acknowledged.get(id), id));
					return withoutClocks.isEmpty() && notFound.isEmpty();
				});
			System.out.printf("Intake crash run %d (%s): %d sent, %d acknowledged before the kill, all stored once, "
					+ "with clocks and searchable %d ms after the restart%n", run,
					TestDatabase.isPostgres() ? "PostgreSQL" : "H2", sent.get(), acknowledged.size(),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	static boolean searchOne(Api api, String key, long id) {
		var hits = api.get("/api/v1/search?limit=5&q=" + key).json().get("tickets");
		for (var h : hits) {
			if (h.get("id").asLong() == id) {
				return true;
			}
		}
		return false;
	}

	static String token(Api api) {
		Api.Response r = api.withBasic(RapportProcess.ADMIN_EMAIL, RapportProcess.ADMIN_PASSWORD)
			.post("/api/v1/tokens", Map.of("name", "intake", "scopes", List.of("read", "write")));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("token").asString();
	}

}
