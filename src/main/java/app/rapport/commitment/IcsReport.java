package app.rapport.commitment;

import java.util.List;

/**
 * What an iCalendar import did or, in a dry run, would do: days found (holidays, working days), days
 * added, changed and removed, and the problems with their line numbers. Nothing is written when there
 * are problems.
 */
public record IcsReport(boolean dryRun, boolean applied, int holidays, int workingDays, int added, int changed,
		int removed, List<Problem> problems) {

	/** One thing wrong in the file. */
	public record Problem(int line, String reason) {
	}

}
