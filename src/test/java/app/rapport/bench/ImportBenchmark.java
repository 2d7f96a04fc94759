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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures CSV imports of a running Rapport over HTTP: organizations, then contacts files of 500 to
 * 50,000 rows (the largest file allowed), each checked (dry run, one request) and then imported in the
 * background (from the request to the job's DONE, polled every 200 ms). Started by
 * {@code SUITE=import bench/run.sh}, never by {@code mvn test}.
 */
@Tag("benchmark")
class ImportBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int TARGET_ROWS_PER_SECOND = 2_000;

	private final String baseUrl = System.getProperty("bench.url", "");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** Every run imports new people: names and addresses carry this run's prefix. */
	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final List<String> rows = new ArrayList<>();

	private String token;

	@Test
	void measuresImportsOfGrowingFiles() throws Exception {
		assertThat(baseUrl).as("start with SUITE=import bench/run.sh, or pass -Dbench.url=http://127.0.0.1:<port>")
			.startsWith("http://127.0.0.1:");
		token = createToken();
		int organizations = 50_000;
		measure("organizations", organizationsFile(organizations), organizations, true);
		List<Integer> sizes = List.of(500, 1_000, 2_000, 4_000, 50_000);
		for (int file = 0; file < sizes.size(); file++) {
			int size = sizes.get(file);
			measure("contacts", contactsFile(size, file, organizations), size, size == 50_000);
		}
		// The same 50,000 rows again: every one is now a duplicate of an existing contact.
		long t0 = System.nanoTime();
		JsonNode again = dryRun("contacts", contactsFile(50_000, sizes.size() - 1, organizations));
		double seconds = (System.nanoTime() - t0) / 1e9;
		rows.add(String.format(Locale.ROOT, "| contacts, all 50,000 already imported | 50,000 | %.1f s (%d duplicates found) | not imported | | | | |",
				seconds, again.get("invalidRows").asInt()));

		String table = "| File | Rows | Check (dry run) | Import, request to done | Rows/s imported | Rapport CPU during the import | Progress reports seen | ≥ "
				+ String.format(Locale.ROOT, "%,d", TARGET_ROWS_PER_SECOND) + " rows/s |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
				+ String.join("\n", rows) + "\n";
		System.out.println(table);
		String out = System.getProperty("bench.out");
		if (out != null && !out.isBlank()) {
			Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
		}
	}

	private void measure(String target, byte[] file, int size, boolean judged) throws Exception {
		long t0 = System.nanoTime();
		JsonNode report = dryRun(target, file);
		double checkSeconds = (System.nanoTime() - t0) / 1e9;
		assertThat(report.get("validRows").asInt()).as(report.get("problems").toString()).isEqualTo(size);

		double cpu0 = serverCpuSeconds();
		long t1 = System.nanoTime();
		HttpResponse<String> accepted = send(post("/api/v1/" + target + "/import?dryRun=false", file));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		int progressReports = 0;
		int lastWritten = -1;
		JsonNode job;
		while (true) {
			HttpResponse<String> polled = send(HttpRequest.newBuilder(URI.create(baseUrl + location))
				.header("Authorization", "Bearer " + token)
				.GET());
			assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
			job = JSON.readTree(polled.body());
			String state = job.get("state").asString();
			if ("DONE".equals(state) || "FAILED".equals(state)) {
				break;
			}
			int written = job.get("rowsWritten").asInt();
			if ("WRITING".equals(state) && written != lastWritten) {
				progressReports++;
				lastWritten = written;
			}
			Thread.sleep(200);
		}
		double importSeconds = (System.nanoTime() - t1) / 1e9;
		double cpuSeconds = serverCpuSeconds() - cpu0;
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("report").get("created").asInt()).isEqualTo(size);
		double perSecond = size / importSeconds;
		rows.add(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %.1f s | %,.0f | %s | %d | %s |", target, size, checkSeconds,
				importSeconds, perSecond, cpuSeconds < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", cpuSeconds), progressReports,
				judged ? (perSecond >= TARGET_ROWS_PER_SECOND ? "yes" : "no") : ""));
	}

	/**
	 * User plus system CPU seconds the server process has used ({@code /proc/<pid>/stat}); -1 without
	 * {@code -Dbench.pid}. Unlike wall time it hardly depends on what else the machine runs; on
	 * PostgreSQL the database server's own CPU comes on top.
	 */
	private static double serverCpuSeconds() throws IOException {
		String pid = System.getProperty("bench.pid", "");
		Path stat = Path.of("/proc", pid, "stat");
		if (pid.isBlank() || !Files.exists(stat)) {
			return -1;
		}
		String line = Files.readString(stat);
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		// utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s.
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	private JsonNode dryRun(String target, byte[] file) throws IOException, InterruptedException {
		HttpResponse<String> response = send(post("/api/v1/" + target + "/import", file));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private byte[] organizationsFile(int size) {
		StringBuilder csv = new StringBuilder("name,domain,kind,language,tags\n");
		for (int i = 0; i < size; i++) {
			csv.append(organization(i)).append(",org").append(i).append('-').append(run).append(".example.com,COMPANY,")
				.append(i % 3 == 0 ? "zh-CN" : i % 3 == 1 ? "bg" : "en").append(",bench\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String organization(int i) {
		String[] kinds = { "华星电子 ", "София Логистик ", "Northwind Traders " };
		return kinds[i % 3] + run + "-" + i;
	}

	/**
	 * Rows in Chinese, Bulgarian and English, each with an e-mail and a phone of its own (numbered by file
	 * and row) and an organization of the file above.
	 */
	private byte[] contactsFile(int size, int file, int organizations) {
		String[] names = { "王小明", "Иван Петров", "Mary Smith", "陳美玲", "Мария Георгиева" };
		StringBuilder csv = new StringBuilder("name,email,phone,language,organization,organization_role,tags\n");
		String series = run + "-" + file;
		int runNumber = Math.floorMod(run.hashCode(), 10_000);
		for (int i = 0; i < size; i++) {
			csv.append(names[i % names.length]).append(' ').append(i).append(',')
				.append("c").append(i).append('-').append(series).append("@bench.example.com,")
				.append("+3598").append(file).append(' ').append(String.format("%04d", runNumber)).append(' ').append(String.format("%06d", i)).append(',')
				.append(i % 2 == 0 ? "zh-CN" : "bg").append(',')
				.append(organization(i % organizations)).append(",USER,bench; import\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder post(String path, byte[] body) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private String createToken() throws IOException, InterruptedException {
		String credentials = System.getProperty("bench.adminEmail", "") + ":" + System.getProperty("bench.adminPassword", "");
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tokens"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"import benchmark\",\"scopes\":[\"read\",\"write\"]}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).get("token").asString();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.header("Accept", "application/json").timeout(Duration.ofMinutes(10)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
