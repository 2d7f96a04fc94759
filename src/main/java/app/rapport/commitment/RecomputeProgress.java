package app.rapport.commitment;

import java.time.Instant;

/**
 * How far the background recompute of a plan's running clocks is, after its targets or its calendar
 * changed.
 *
 * @param total the tickets to recompute, known once the recompute started ({@code null} before)
 * @param done the tickets recomputed so far
 * @param clocks the clocks of those tickets computed again so far
 * @param finishedAt {@code null} while it waits or runs
 */
public record RecomputeProgress(Instant requestedAt, Instant startedAt, Long total, long done, long clocks,
		Instant finishedAt) {

	/** Whether it is finished. */
	public boolean finished() {
		return finishedAt != null;
	}

	/** Percent done, 0 to 100 (100 when finished). */
	public int percent() {
		if (finishedAt != null) {
			return 100;
		}
		if (total == null || total == 0) {
			return 0;
		}
		return (int) Math.min(99, done * 100 / total);
	}

}
