package app.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the service commitments of a running Rapport over real HTTP: how fast a plan or calendar save
 * answers and how fast the background recompute of every open ticket's clocks then runs, and how long after
 * its due instant a breach is noticed while tickets are created at a steady 200 per second. Started by
 * {@code SUITE=commitments bench/run.sh}, never by {@code mvn test}.
 */
@Tag("benchmark")
class CommitmentBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl = System.getProperty("bench.url", "");

	/** Paced creation rates, one breach-detection round each: the target rate, and one this machine sustains. */
	private final List<Integer> rates = java.util.Arrays.stream(System.getProperty("bench.rates", "200,50").split(","))
		.map(String::strip)
		.map(Integer::valueOf)
		.toList();

	private final int seconds = Integer.getInteger("bench.seconds", 30);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(16))
		.build();

	private final List<String[]> rows = new ArrayList<>();

	private String token;

	@Test
	void measuresClocksAndBreachDetection() throws Exception {
		assertThat(baseUrl).as("start with SUITE=commitments bench/run.sh").startsWith("http://127.0.0.1:");
		token = createToken();
		waitForAdoption();

		JsonNode standard = find(json(get("/api/v1/plans")), "isDefault", "true");
		long calendarId = standard.get("calendarId").asLong();
		// Long targets before the old tickets are adopted, so that their clocks run rather than count as
		// long breached: the recomputation below then has running clocks to move.
		Map<String, Object> plan = new java.util.LinkedHashMap<>();
		plan.put("name", standard.get("name").asString());
		plan.put("calendarId", calendarId);
		plan.put("isDefault", true);
		// No pauses either: every open ticket's clocks run, so that the recomputation moves running clocks.
		plan.put("pendingCustomerPauses", List.of());
		plan.put("onHoldPauses", List.of());
		List<Map<String, Object>> targets = new ArrayList<>();
		for (String priority : List.of("LOW", "NORMAL", "HIGH", "URGENT")) {
			targets.add(Map.of("priority", priority, "firstResponseMinutes", 400_000, "nextUpdateMinutes", 400_000,
					"resolutionMinutes", 500_000));
		}
		plan.put("targets", targets);
		HttpResponse<String> lengthened = send("PUT", "/api/v1/plans/" + standard.get("id").asLong(), plan);
		assertThat(lengthened.statusCode()).as(lengthened.body()).isEqualTo(200);

		long t0 = System.nanoTime();
		JsonNode adopted = json(send("POST", "/api/v1/commitments/adopt", Map.of()));
		long adoptMillis = (System.nanoTime() - t0) / 1_000_000;
		if (adopted.get("tickets").asLong() > 0) {
			rows.add(new String[] { "Adopting existing tickets (`POST /api/v1/commitments/adopt`)",
					String.format(Locale.ROOT, "%,d tickets in %,d ms (%,.0f tickets/s), %,d past breaches recorded",
							adopted.get("tickets").asLong(), adoptMillis, adopted.get("tickets").asLong() * 1000.0 / adoptMillis,
							adopted.get("breaches").asLong()),
					"", "" });
		}

		long planId = standard.get("id").asLong();
		// The lengthening above asked for a recompute too: let it finish so that the one measured is alone.
		awaitRecompute("/api/v1/plans/" + planId);
		JsonNode board = json(get("/api/v1/board"));
		long open = board.get("running").asLong() + board.get("paused").asLong() + board.get("breached").asLong();

		// Targets that differ from the ones just saved, so that every clock moves and is written again.
		List<Map<String, Object>> longer = new ArrayList<>();
		for (String priority : List.of("LOW", "NORMAL", "HIGH", "URGENT")) {
			longer.add(Map.of("priority", priority, "firstResponseMinutes", 410_000, "nextUpdateMinutes", 410_000,
					"resolutionMinutes", 510_000));
		}
		plan.put("targets", longer);
		t0 = System.nanoTime();
		HttpResponse<String> changed = send("PUT", "/api/v1/plans/" + planId, plan);
		long planMillis = (System.nanoTime() - t0) / 1_000_000;
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		recomputeRows("plan change (`PUT /api/v1/plans/{id}`)", planMillis, awaitRecompute("/api/v1/plans/" + planId), open);

		JsonNode calendar = json(get("/api/v1/calendars/" + calendarId));
		Map<String, Object> hours = new java.util.LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			// Other hours than the calendar has now (an earlier run may have left either), so that clocks move.
			String end = calendar.toString().contains("18:30") ? "18:00" : "18:30";
			hours.put(day, List.of(List.of("08:00", "12:00"), List.of("13:00", end)));
		}
		t0 = System.nanoTime();
		HttpResponse<String> recalendared = send("PUT", "/api/v1/calendars/" + calendarId,
				Map.of("name", calendar.get("name").asString(), "timeZone", calendar.get("timeZone").asString(),
						"workingHours", hours));
		long calendarMillis = (System.nanoTime() - t0) / 1_000_000;
		assertThat(recalendared.statusCode()).as(recalendared.body()).isEqualTo(200);
		recomputeRows("calendar change (`PUT /api/v1/calendars/{id}`)", calendarMillis,
				awaitRecompute("/api/v1/calendars/" + calendarId), open);

		for (int rate : rates) {
			breachDetection(rate);
		}

		StringBuilder table = new StringBuilder("| Measurement | Result | Target | Met |\n| --- | --- | --- | --- |\n");
		rows.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
		System.out.println(table);
		String out = System.getProperty("bench.out");
		if (out != null && !out.isBlank()) {
			Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
		}
	}

	/** The clocks of existing tickets are computed in the background after start; wait until the count stands. */
	private void waitForAdoption() throws Exception {
		long last = -1;
		int stable = 0;
		long started = System.nanoTime();
		while (stable < 3 && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(30)) {
			JsonNode b = json(get("/api/v1/board"));
			long n = b.get("running").asLong() + b.get("paused").asLong() + b.get("breached").asLong();
			stable = n == last ? stable + 1 : 0;
			last = n;
			Thread.sleep(3000);
		}
	}

	/** Waits until the plan's or calendar's latest recompute finished (polled over the API); answers it. */
	private JsonNode awaitRecompute(String path) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> json(get(path)).get("recompute"), recompute -> recompute == null || recompute.isNull()
					|| (recompute.get("finishedAt") != null && !recompute.get("finishedAt").isNull()));
	}

	private void recomputeRows(String change, long answerMillis, JsonNode recompute, long open) {
		rows.add(new String[] { "Answer to a " + change, String.format(Locale.ROOT, "%,d ms", answerMillis), "≤ 200 ms",
				answerMillis <= 200 ? "yes" : "no" });
		assertThat(recompute).as("a recompute was requested").isNotNull();
		assertThat(recompute.isNull()).as("a recompute was requested").isFalse();
		long millis = Duration.between(Instant.parse(recompute.get("startedAt").asString()),
				Instant.parse(recompute.get("finishedAt").asString())).toMillis();
		long waited = Duration.between(Instant.parse(recompute.get("requestedAt").asString()),
				Instant.parse(recompute.get("startedAt").asString())).toMillis();
		// The clocks the recompute itself counted (every clock of the tickets it went through).
		long clocks = recompute.get("clocks").asLong();
		double perSecond = clocks * 1000.0 / Math.max(1, millis);
		rows.add(new String[] { "Background recompute after the " + change,
				String.format(Locale.ROOT, "%,d clocks of %,d tickets (of %,d open) in %,d ms after %,d ms waiting for a "
						+ "node: %,.0f clocks/s", clocks, recompute.get("done").asLong(), open, millis, waited, perSecond),
				"≥ 10,000 clocks/s", perSecond >= 10_000 ? "yes" : "no" });
	}

	private void breachDetection(int ratePerSecond) throws Exception {
		Map<String, Object> hours = new java.util.LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.put(day, List.of(List.of("00:00", "00:00")));
		}
		String suffix = Long.toString(System.currentTimeMillis(), 36);
		HttpResponse<String> calendar = send("POST", "/api/v1/calendars",
				Map.of("name", "Bench round the clock " + suffix, "timeZone", "UTC", "workingHours", hours));
		assertThat(calendar.statusCode()).as(calendar.body()).isEqualTo(201);
		HttpResponse<String> plan = send("POST", "/api/v1/plans", Map.of("name", "Bench one minute " + suffix,
				"calendarId", json(calendar).get("id").asLong(), "targets",
				List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 1, "nextUpdateMinutes", 60,
						"resolutionMinutes", 600))));
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
		long planId = json(plan).get("id").asLong();
		List<Long> requesters = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			HttpResponse<String> first = createTicket("bench-breach-" + suffix + "-" + i + "@bench.rapport.test", i);
			assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
			long contact = json(first).get("requester").get("id").asLong();
			assertThat(send("PUT", "/api/v1/contacts/" + contact + "/plan", Map.of("planId", planId)).statusCode())
				.isEqualTo(200);
			requesters.add(contact);
		}

		// Open tickets at a steady rate: each gets a one-minute first-response clock.
		int total = ratePerSecond * seconds;
		ConcurrentLinkedQueue<Long> ticketIds = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		var scheduler = Executors.newScheduledThreadPool(16);
		long periodNanos = 1_000_000_000L / ratePerSecond;
		long started = System.nanoTime();
		List<java.util.concurrent.ScheduledFuture<?>> sent = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			int n = i;
			sent.add(scheduler.schedule(() -> {
				long t = System.nanoTime();
				HttpResponse<String> r = createTicket(requesters.get(n % requesters.size()), n);
				latencies.add(System.nanoTime() - t);
				if (r.statusCode() == 201) {
					ticketIds.add(json(r).get("id").asLong());
				}
				return null;
			}, n * periodNanos, TimeUnit.NANOSECONDS));
		}
		for (var f : sent) {
			f.get();
		}
		double actualRate = total / ((System.nanoTime() - started) / 1e9);
		scheduler.shutdown();
		long[] createSorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		rows.add(new String[] { "Ticket creation at a paced " + ratePerSecond + "/s while clocks run",
				String.format(Locale.ROOT, "%.0f tickets/s achieved, %d created; p50 %.1f ms, p99 %.1f ms", actualRate,
						ticketIds.size(), createSorted[createSorted.length / 2] / 1e6,
						createSorted[(int) (createSorted.length * 0.99)] / 1e6),
				ratePerSecond + " tickets/s", actualRate >= ratePerSecond * 0.95 ? "yes" : "no" });

		// Every clock is due one minute after its ticket; wait until the last is due and a few seconds more.
		Thread.sleep(Duration.ofSeconds(75).toMillis());
		List<Long> delays = Collections.synchronizedList(new ArrayList<>());
		List<Long> undetected = Collections.synchronizedList(new ArrayList<>());
		ExecutorService readers = Executors.newFixedThreadPool(8);
		List<Future<?>> reads = new ArrayList<>();
		for (long id : ticketIds) {
			reads.add(readers.submit(() -> {
				for (JsonNode c : json(get("/api/v1/tickets/" + id + "/clocks"))) {
					if (c.get("commitment").asString().equals("first_response")) {
						JsonNode detected = c.get("detectedAt");
						if (detected == null || detected.isNull()) {
							undetected.add(id);
						}
						else {
							delays.add(Duration.between(Instant.parse(c.get("dueAt").asString()),
									Instant.parse(detected.asString())).toMillis());
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : reads) {
			f.get();
		}
		readers.shutdown();
		long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
		assertThat(sorted).as("breaches detected").isNotEmpty();
		long p50 = sorted[sorted.length / 2];
		long p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
		rows.add(new String[] { "Breach detection delay (`detectedAt − dueAt`) while tickets are opened at " + ratePerSecond
				+ "/s, " + sorted.length + " first-response breaches",
				String.format(Locale.ROOT, "p50 %,d ms, p99 %,d ms, max %,d ms; %d not detected", p50, p99,
						sorted[sorted.length - 1], undetected.size()),
				"p99 ≤ 1 s", p99 <= 1000 && undetected.isEmpty() ? "yes" : "no" });
	}

	private HttpResponse<String> createTicket(Object requester, int n) throws IOException, InterruptedException {
		Map<String, Object> req = requester instanceof Long id ? Map.of("id", id) : Map.of("email", requester);
		return send("POST", "/api/v1/tickets", Map.of("subject", "Bench clock #" + n, "body", "Where is my parcel?",
				"priority", "NORMAL", "requester", req));
	}

	private String createToken() throws IOException, InterruptedException {
		String credentials = System.getProperty("bench.adminEmail", "") + ":" + System.getProperty("bench.adminPassword", "");
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"commitment benchmark\",\"scopes\":[\"read\",\"write\",\"admin\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("token").asString();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(30))
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode n : array) {
			if (n.get(field).asString().equals(value)) {
				return n;
			}
		}
		throw new AssertionError("no " + field + "=" + value + " in " + array);
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

}
