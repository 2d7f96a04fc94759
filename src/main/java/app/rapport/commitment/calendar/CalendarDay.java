package app.rapport.commitment.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An exception to the weekly hours: a holiday, or a working day that works its own periods or, when they are empty,
 * the calendar's standard day; {@code name} may be {@code null}.
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, List<WorkingPeriod> periods) {

	public CalendarDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		name = name == null || name.isBlank() ? null : name.strip();
		periods = WorkingPeriod.sortedWithoutOverlaps(periods == null ? List.of() : periods, date.toString());
		if (kind == DayKind.HOLIDAY && !periods.isEmpty()) {
			throw new IllegalArgumentException("The holiday " + date + " cannot have working periods " + periods);
		}
	}

	public static CalendarDay holiday(LocalDate date, String name) {
		return new CalendarDay(date, DayKind.HOLIDAY, name, List.of());
	}

	/** A working day with the calendar's standard hours. */
	public static CalendarDay workingDay(LocalDate date, String name) {
		return new CalendarDay(date, DayKind.WORKING_DAY, name, List.of());
	}

}
