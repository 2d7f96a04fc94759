package app.rapport.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads from {@code /proc} how much CPU the application, PostgreSQL's processes and this load client used
 * between two instants, so that a benchmark can say per request where the machine's cores went and what
 * rate each part alone would allow. Linux only; every figure is CPU time (user + system), not wall time.
 */
final class CpuMeter {

	/** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final String appPid;

	private final Snapshot start;

	private CpuMeter(String appPid) {
		this.appPid = appPid;
		this.start = snapshot();
	}

	/** Starts measuring; {@code appPid} is the application's process id (blank when unknown). */
	static CpuMeter start(String appPid) {
		return new CpuMeter(appPid);
	}

	/**
	 * What was used since the start, per unit of work ({@code units} requests), as a sentence for the results
	 * table: CPU milliseconds per unit of the application, PostgreSQL and the load client, the machine's busy
	 * share, and the rate the machine's cores would allow for the application's and PostgreSQL's part alone.
	 */
	String perUnit(String unit, int units) {
		Snapshot end = snapshot();
		double app = (end.app - start.app) * 1000.0 / TICKS_PER_SECOND / units;
		double pg = (end.postgres - start.postgres) * 1000.0 / TICKS_PER_SECOND / units;
		double client = (end.client - start.client) * 1000.0 / TICKS_PER_SECOND / units;
		long busy = end.machineBusy - start.machineBusy;
		long all = busy + end.machineIdle - start.machineIdle;
		double cores = Runtime.getRuntime().availableProcessors();
		if (pg < 0.05) {
			// No PostgreSQL at work (H2 runs inside the application): nothing of its to report.
			return String.format(Locale.ROOT,
					"CPU per %s: application %.1f ms (its embedded database included), load client %.1f ms; machine %.0f %% busy; "
							+ "%d cores would allow %,.0f/s for the application's part alone",
					unit, app, client, all == 0 ? 0 : busy * 100.0 / all, (int) cores, cores * 1000 / Math.max(app, 0.001));
		}
		return String.format(Locale.ROOT,
				"CPU per %s: application %.1f ms, PostgreSQL %.1f ms, load client %.1f ms; machine %.0f %% busy; "
						+ "%d cores would allow %,.0f/s for the application's part alone, %,.0f/s for PostgreSQL's",
				unit, app, pg, client, all == 0 ? 0 : busy * 100.0 / all, (int) cores, cores * 1000 / Math.max(app, 0.001),
				cores * 1000 / Math.max(pg, 0.001));
	}

	private Snapshot snapshot() {
		try {
			long app = appPid.isBlank() ? 0 : ticks(Path.of("/proc", appPid, "stat"));
			long client = ticks(Path.of("/proc/self/stat"));
			long postgres = 0;
			try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
				for (Path process : processes) {
					try {
						if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
							postgres += ticks(process.resolve("stat"));
						}
					}
					catch (IOException gone) {
						// The process ended between listing and reading: its time is lost to the sum either way.
					}
				}
			}
			// cpu  user nice system idle iowait irq softirq steal ...
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			long busy = 0;
			for (int i = 1; i < Math.min(cpu.length, 9); i++) {
				busy += Long.parseLong(cpu[i]);
			}
			return new Snapshot(app, postgres, client, busy - idle, idle);
		}
		catch (IOException ex) {
			return new Snapshot(0, 0, 0, 0, 0);
		}
	}

	/** utime + stime of one process; the command name may hold spaces, so fields are counted after its ')'. */
	private static long ticks(Path stat) throws IOException {
		String line = Files.readString(stat);
		List<String> fields = List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
		// After the name: state is field 3 of the whole line; utime and stime are fields 14 and 15.
		return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
	}

	private record Snapshot(long app, long postgres, long client, long machineBusy, long machineIdle) {
	}

}
