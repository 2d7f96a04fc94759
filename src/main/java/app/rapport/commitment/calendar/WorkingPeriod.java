package app.rapport.commitment.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One working period of a day; an {@code end} at or before {@code start} runs past midnight, and 00:00-00:00 is the
 * whole day.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

	private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	public WorkingPeriod {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
			throw new IllegalArgumentException("A working period cannot start and end at the same time ("
					+ start.format(HOURS_AND_MINUTES) + "); only 00:00-00:00, the whole day, may");
		}
	}

	/** Parses two "HH:mm" times; throws {@link IllegalArgumentException} naming the bad one. */
	public static WorkingPeriod parse(String start, String end) {
		return new WorkingPeriod(parseTime(start), parseTime(end));
	}

	/** Parses "09:00-12:00,13:30-18:00"; blank means no periods. */
	public static List<WorkingPeriod> parseList(String text) {
		List<WorkingPeriod> periods = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return periods;
		}
		for (String part : text.split(",")) {
			String[] times = part.trim().split("-");
			if (times.length != 2) {
				throw new IllegalArgumentException("Expected a working period like 09:00-12:00 but got '" + part.trim() + "'");
			}
			periods.add(parse(times[0], times[1]));
		}
		return periods;
	}

	/** Writes periods as "09:00-12:00,13:30-18:00", the form {@link #parseList} reads. */
	public static String formatList(List<WorkingPeriod> periods) {
		StringBuilder text = new StringBuilder();
		for (WorkingPeriod period : periods) {
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(period);
		}
		return text.toString();
	}

	private static LocalTime parseTime(String text) {
		try {
			return LocalTime.parse(Objects.requireNonNull(text, "time").trim(), HOURS_AND_MINUTES);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Expected a time like 09:00 but got '" + text + "'", ex);
		}
	}

	public boolean crossesMidnight() {
		return !end.isAfter(start);
	}

	/** The nominal length, ignoring daylight-saving switches; 00:00-00:00 is 24 hours. */
	public Duration length() {
		Duration length = Duration.between(start, end);
		return crossesMidnight() ? length.plusDays(1) : length;
	}

	long startMinute() {
		return start.toSecondOfDay() / 60;
	}

	/** Minutes after the start of the period's own day, so beyond 1440 when it crosses midnight. */
	long endMinute() {
		return startMinute() + length().toMinutes();
	}

	/** Sorts a copy of the periods by start and refuses overlaps, naming {@code where} in the message. */
	static List<WorkingPeriod> sortedWithoutOverlaps(List<WorkingPeriod> periods, String where) {
		Objects.requireNonNull(periods, () -> "working periods of " + where);
		List<WorkingPeriod> sorted = new ArrayList<>(periods);
		sorted.forEach(period -> Objects.requireNonNull(period, () -> "working period of " + where));
		sorted.sort(Comparator.comparing(WorkingPeriod::start));
		for (int i = 1; i < sorted.size(); i++) {
			WorkingPeriod previous = sorted.get(i - 1);
			WorkingPeriod next = sorted.get(i);
			if (next.startMinute() < previous.endMinute()) {
				throw new IllegalArgumentException(
						"Overlapping working periods on " + where + ": " + previous + " and " + next);
			}
		}
		return List.copyOf(sorted);
	}

	@Override
	public String toString() {
		return start.format(HOURS_AND_MINUTES) + "-" + end.format(HOURS_AND_MINUTES);
	}

}
