package app.rapport.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rapport as a separate JVM on a data directory of its own, for tests that must kill the process the hard
 * way (SIGKILL) and start it again on the same files. Runs on an H2 file in the data directory unless a
 * database URL is given. Its output goes to a log file next to the data, shown when start-up fails.
 */
public final class RapportProcess implements AutoCloseable {

	public static final String ADMIN_EMAIL = "admin@crash.rapport";

	public static final String ADMIN_PASSWORD = "admin-crash-password-1";

	private final Process process;

	private final int port;

	private final Path log;

	private RapportProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts Rapport with the given data directory and returns once it answers health checks.
	 *
	 * @param databaseUrl a JDBC URL, or {@code null} for the H2 file in {@code dataDir}
	 */
	public static RapportProcess start(Path dataDir, String databaseUrl, Map<String, String> extraEnvironment,
			Duration timeout) {
		int port = freePort();
		Path log = dataDir.resolve("rapport-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// Small and quick to start: two of these may run next to the test JVM on a 2-core machine.
				"-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
				"app.rapport.RapportApplication"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(name -> name.startsWith("RAPPORT_") || name.equals("SERVER_PORT"));
		env.put("RAPPORT_DATA_DIR", dataDir.toAbsolutePath().toString());
		env.put("RAPPORT_DEMO_DATA", "off");
		env.put("RAPPORT_ADMIN_EMAIL", ADMIN_EMAIL);
		env.put("RAPPORT_ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("SERVER_PORT", String.valueOf(port));
		// A few connections are plenty for one test's requests, and the PostgreSQL server is shared.
		env.put("RAPPORT_DB_POOL", "5");
		if (databaseUrl != null) {
			env.put("RAPPORT_DB_URL", databaseUrl);
		}
		env.putAll(extraEnvironment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		RapportProcess rapport = new RapportProcess(process, port, log);
		rapport.awaitHealthy(timeout);
		return rapport;
	}

	public int port() {
		return port;
	}

	public Api api() {
		return Api.at(port);
	}

	/** Kills the JVM with SIGKILL, as a crash or the OOM killer would: no shutdown hook, no flush. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines the process wrote, for failure messages. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
	}

	private void awaitHealthy(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Rapport exited with " + process.exitValue() + " while starting:\n"
						+ logTail(80));
			}
			try {
				if (api().get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYetListening) {
				// Connection refused until Tomcat listens.
			}
			pause(Duration.ofMillis(250));
		}
		close();
		throw new IllegalStateException("Rapport did not become healthy within " + timeout + ":\n" + logTail(80));
	}

	/**
	 * The classpath this test runs with, without the test classes: the child must be the application
	 * alone, not the test fixtures that component scanning would pick up.
	 */
	private static String applicationClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.replace('\\', '/').matches(".*/test-classes/?"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
