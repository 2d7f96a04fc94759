package app.rapport.demo;

import java.time.Duration;

/** What a generation run wrote and how long it took. */
public record GenerationReport(long organizations, long contacts, long tickets, long messages, long timelineEntries,
		long auditEntries, Duration elapsed) {

	public long rows() {
		return organizations + contacts + tickets + messages + timelineEntries + auditEntries;
	}

	public long rowsPerSecond() {
		long millis = Math.max(1, elapsed.toMillis());
		return rows() * 1000 / millis;
	}

}
