package app.rapport.commitment.calendar;

import java.util.List;

/**
 * What {@link IcsFormat#read} found: the name and zone the file declares ({@code null} when absent or invalid), its
 * days sorted by date, and its problems by line.
 */
public record IcsImport(String calendarName, String timeZone, List<CalendarDay> days, List<IcsProblem> problems) {

	public IcsImport {
		days = List.copyOf(days);
		problems = List.copyOf(problems);
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}

}
