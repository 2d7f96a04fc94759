package app.rapport.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as pages and the API show it: working hours per weekday as pairs of "HH:mm",
 * holidays and extra working days. {@code key} is set for the ready-made calendars (cn-mainland, tw, bg).
 */
@org.springframework.modulith.NamedInterface("api")
public record CalendarView(long id, String key, String name, String timeZone,
		Map<String, List<List<String>>> workingHours, List<Day> days, long version, RecomputeProgress recompute) {

	/** The same calendar with the latest recompute of the running clocks of a plan using it ({@code null}: none). */
	public CalendarView withRecompute(RecomputeProgress progress) {
		return new CalendarView(id, key, name, timeZone, workingHours, days, version, progress);
	}

	/** A holiday or an extra working day; {@code hours} empty for a holiday or the standard day. */
	public record Day(LocalDate date, String kind, String name, List<List<String>> hours) {
	}

}
