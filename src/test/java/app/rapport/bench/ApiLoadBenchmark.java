package app.rapport.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a running Rapport over real HTTP on the loopback interface: ticket creation with 1 and 8 clients,
 * the queue page, the API list, search in three languages and the server's resident memory. Started by
 * {@code bench/run.sh} (never by {@code mvn test}): it needs {@code -Dbench.url} and the admin's credentials.
 */
@Tag("benchmark")
class ApiLoadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String baseUrl = System.getProperty("bench.url", "");

	private final int requests = Integer.getInteger("bench.requests", 400);

	private final List<Row> rows = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(16))
		.build();

	@Test
	void measuresTheRunningApplication() throws Exception {
		assertThat(baseUrl).as("start with bench/run.sh, or pass -Dbench.url=http://127.0.0.1:<port>")
			.startsWith("http://127.0.0.1:");
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
		assertThat(health.statusCode()).as("health").isEqualTo(200);

		String token = createToken();
		assertThat(token).as("API token").isNotBlank();

		ticketCreation(token, 1, requests);
		LagSampler lag = LagSampler.start(this, token);
		ticketCreation(token, 8, requests / 8 * 2);
		lag.stopAndReport("during the 8-client creation");
		publicReplies(token, 8, requests / 8 * 2);
		latencies("Queue page `GET /tickets` (signed in)", signedInClient(), "/tickets", null, requests / 2, 50);
		latencies("API list `GET /api/v1/tickets?page=0&size=25`", http, "/api/v1/tickets?page=0&size=25", token,
				requests / 2, 50);
		for (String q : List.of("投诉", "оплакване", "complaint")) {
			latencies("Search `q=" + q + "`", http, "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
					token, requests / 4, 100);
		}
		residentMemory();

		String table = table();
		System.out.println(table);
		String out = System.getProperty("bench.out");
		if (out != null && !out.isBlank()) {
			Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
		}
	}

	private String createToken() throws IOException, InterruptedException {
		String credentials = System.getProperty("bench.adminEmail", "") + ":" + System.getProperty("bench.adminPassword", "");
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\",\"scopes\":[\"read\",\"write\",\"admin\"]}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("token").asString();
	}

	/** {@code clients} threads each create {@code perClient} tickets; throughput is over the wall-clock time. */
	private void ticketCreation(String token, int clients, int perClient) throws Exception {
		String label = "Ticket creation `POST /api/v1/tickets`, " + clients + (clients == 1 ? " client" : " clients");
		HttpResponse<String> probe = createTicket(token, -1);
		if (probe.statusCode() != 201) {
			rows.add(Row.unavailable(label, probe));
			return;
		}
		for (int i = 0; i < 20; i++) {
			createTicket(token, -2 - i);
		}
		rows.add(underLoad(label, "tickets", clients, perClient, (client, i) -> createTicket(token, client * 100_000 + i),
				clients == 8 ? 1000 : 0));
	}

	private HttpResponse<String> createTicket(String token, int n) throws IOException, InterruptedException {
		String[][] samples = { { "Printer cannot connect after the update", "Since this morning the office printer shows an error." },
				{ "打印机更新后无法连接", "今天早上开始，办公室的打印机一直显示错误，麻烦尽快处理。" },
				{ "發票抬頭需要更正", "上個月的發票抬頭寫錯了，請協助重新開立。" },
				{ "Поръчката пристигна непълна", "Липсват два артикула от поръчката, моля проверете." } };
		String[] sample = samples[Math.floorMod(n, samples.length)];
		String body = "{\"subject\":" + quote(sample[0] + " #" + n) + ",\"body\":" + quote(sample[1])
				+ ",\"type\":\"QUESTION\",\"priority\":\"NORMAL\",\"requester\":{\"email\":\"bench-customer-"
				+ Math.floorMod(n, 50) + "@bench.rapport.test\"}}";
		return send(HttpRequest.newBuilder(uri("/api/v1/tickets"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** {@code clients} threads each answer their own ticket publicly {@code perClient} times. */
	private void publicReplies(String token, int clients, int perClient) throws Exception {
		String label = "Public reply `POST /api/v1/tickets/{id}/messages`, " + clients + " clients";
		List<Long> ticketIds = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			HttpResponse<String> created = createTicket(token, 900_000 + c);
			if (created.statusCode() != 201) {
				rows.add(Row.unavailable(label, created));
				return;
			}
			ticketIds.add(JSON.readTree(created.body()).get("id").asLong());
		}
		rows.add(underLoad(label, "replies", clients, perClient,
				(client, i) -> send(HttpRequest.newBuilder(uri("/api/v1/tickets/" + ticketIds.get(client) + "/messages"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"body\":" + quote("Thank you, we are on it (" + i
							+ "). 我们正在处理。Работим по въпроса.") + ",\"public\":true}", StandardCharsets.UTF_8))),
				1000));
	}

	/** One request of a load: the {@code i}-th of client {@code client}; it must answer 201. */
	private interface Call {

		HttpResponse<String> send(int client, int i) throws IOException, InterruptedException;

	}

	/**
	 * {@code clients} threads each make {@code perClient} calls; the rate is over the wall-clock time, and
	 * {@code targetPerSecond} (0 for none) is the row's target.
	 */
	private static Row underLoad(String label, String unit, int clients, int perClient, Call call, int targetPerSecond)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CpuMeter cpu = CpuMeter.start(System.getProperty("bench.pid", ""));
		long started = System.nanoTime();
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					long[] nanos = new long[perClient];
					for (int i = 0; i < perClient; i++) {
						long t0 = System.nanoTime();
						HttpResponse<String> r = call.send(client, i);
						nanos[i] = System.nanoTime() - t0;
						if (r.statusCode() != 201) {
							throw new IllegalStateException(label + " answered " + r.statusCode() + ": " + r.body());
						}
					}
					return nanos;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<long[]> f : futures) {
				for (long n : f.get()) {
					all.add(n);
				}
			}
			double perSecond = all.size() / ((System.nanoTime() - started) / 1e9);
			long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
			String result = String.format(Locale.ROOT, "%.0f %s/s; p50 %s, p95 %s, p99 %s (n=%d)", perSecond, unit,
					ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), sorted.length);
			String one = unit.endsWith("ies") ? unit.substring(0, unit.length() - 3) + "y" : unit.substring(0, unit.length() - 1);
			result += "; " + cpu.perUnit(one, sorted.length);
			return targetPerSecond == 0 ? new Row(label, result, "", "")
					: new Row(label, result, String.format(Locale.ROOT, "≥ %,d %s/s", targetPerSecond, unit),
							perSecond >= targetPerSecond ? "yes" : "no");
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Samples the application's own gauges every 200 ms while load runs: the age of the oldest change not yet
	 * in the search index, and of the oldest reaction to an event not completed yet (a new ticket's clocks
	 * exist once its reaction completed).
	 */
	private static final class LagSampler {

		private static final Pattern INDEX_LAG = Pattern.compile("(?m)^rapport_search_index_lag_seconds(?:\\{[^}]*\\})? ([0-9.eE+-]+)");

		private static final Pattern REACTION_AGE = Pattern.compile("(?m)^rapport_reactions_oldest_age_seconds(?:\\{[^}]*\\})? ([0-9.eE+-]+)");

		private final ApiLoadBenchmark bench;

		private final String token;

		private final List<Double> indexLag = java.util.Collections.synchronizedList(new ArrayList<>());

		private final List<Double> reactionAge = java.util.Collections.synchronizedList(new ArrayList<>());

		private final java.util.concurrent.ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "lag-sampler");
				t.setDaemon(true);
				return t;
			});

		private LagSampler(ApiLoadBenchmark bench, String token) {
			this.bench = bench;
			this.token = token;
		}

		static LagSampler start(ApiLoadBenchmark bench, String token) {
			LagSampler sampler = new LagSampler(bench, token);
			sampler.scheduler.scheduleWithFixedDelay(sampler::sampleOnce, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
			return sampler;
		}

		private void sampleOnce() {
			try {
				HttpResponse<String> r = bench.send(HttpRequest.newBuilder(bench.uri("/actuator/prometheus"))
					.header("Authorization", "Bearer " + token)
					.GET());
				if (r.statusCode() == 200) {
					sample(INDEX_LAG, r.body(), indexLag);
					sample(REACTION_AGE, r.body(), reactionAge);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				// A missed sample is not a measurement.
			}
		}

		private static void sample(Pattern pattern, String body, List<Double> into) {
			Matcher m = pattern.matcher(body);
			if (m.find()) {
				into.add(Double.parseDouble(m.group(1)));
			}
		}

		void stopAndReport(String when) throws InterruptedException {
			scheduler.shutdownNow();
			scheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
			bench.rows.add(lagRow("Search index lag " + when + " (sampled every 200 ms)", indexLag, "p99 ≤ 1 s", 1.0));
			bench.rows.add(lagRow("Oldest unfinished reaction (clocks, alerts) " + when, reactionAge, "p99 ≤ 0.2 s", 0.2));
		}

		private static Row lagRow(String label, List<Double> samples, String target, double limitSeconds) {
			if (samples.isEmpty()) {
				return new Row(label, "unavailable (no samples from /actuator/prometheus)", target, "n/a");
			}
			double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double p50 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.50) - 1)];
			double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
			return new Row(label, String.format(Locale.ROOT, "p50 %.2f s, p99 %.2f s, max %.2f s (n=%d)", p50, p99,
					sorted[sorted.length - 1], sorted.length), target, p99 <= limitSeconds ? "yes" : "no");
		}

	}

	private void latencies(String label, HttpClient client, String path, String token, int count, int targetP95Millis)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
		}
		if (client == null) {
			rows.add(new Row(label, "unavailable (could not sign in)", "p95 ≤ " + targetP95Millis + " ms", "n/a"));
			return;
		}
		HttpResponse<String> probe = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (probe.statusCode() != 200) {
			rows.add(Row.unavailable(label, probe));
			return;
		}
		for (int i = 0; i < 20; i++) {
			client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			nanos[i] = System.nanoTime() - t0;
			assertThat(r.statusCode()).as(path).isEqualTo(200);
		}
		Arrays.sort(nanos);
		long p95 = percentile(nanos, 95);
		rows.add(new Row(label, "p50 " + ms(percentile(nanos, 50)) + ", p95 " + ms(p95) + " (n=" + count + ")",
				"p95 ≤ " + targetP95Millis + " ms", p95 <= targetP95Millis * 1_000_000L ? "yes" : "no"));
	}

	/** A client with a web session: reads the CSRF token from the sign-in page and signs in as the admin. */
	private HttpClient signedInClient() throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"")
			.matcher(page.body());
		if (!csrf.find()) {
			return null;
		}
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		String form = "email=" + enc(System.getProperty("bench.adminEmail", "")) + "&password="
				+ enc(System.getProperty("bench.adminPassword", "")) + "&_csrf=" + enc(token);
		HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = signIn.headers().firstValue("Location").orElse("");
		return signIn.statusCode() == 302 && !location.contains("error") && !location.contains("locked") ? client : null;
	}

	private void residentMemory() throws IOException {
		String pid = System.getProperty("bench.pid", "");
		Path status = Path.of("/proc", pid, "status");
		if (pid.isBlank() || !Files.exists(status)) {
			rows.add(new Row("Resident memory (VmRSS)", "unknown (no -Dbench.pid)", "≤ 1.5 GiB", "n/a"));
			return;
		}
		long rss = 0;
		long peak = 0;
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("VmRSS:")) {
				rss = Long.parseLong(line.replaceAll("\\D", ""));
			}
			if (line.startsWith("VmHWM:")) {
				peak = Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		rows.add(new Row("Resident memory (VmRSS / peak VmHWM)",
				String.format(Locale.ROOT, "%.0f MiB / %.0f MiB", rss / 1024.0, peak / 1024.0), "≤ 1.5 GiB",
				peak <= 1536L * 1024 ? "yes" : "no"));
	}

	private String table() {
		StringBuilder sb = new StringBuilder();
		sb.append("| Measurement | Result | Target | Met |\n| --- | --- | --- | --- |\n");
		for (Row r : rows) {
			sb.append("| ").append(r.label()).append(" | ").append(r.result()).append(" | ").append(r.target()).append(" | ")
				.append(r.met()).append(" |\n");
		}
		return sb.toString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private static long percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String quote(String s) {
		return JSON.writeValueAsString(s);
	}

	/** One line of the results table. */
	private record Row(String label, String result, String target, String met) {

		static Row unavailable(String label, HttpResponse<String> response) {
			return new Row(label, "unavailable (HTTP " + response.statusCode() + ")", "", "n/a");
		}

	}

}
