package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A calendar shipped with Rapport: display names by language tag (en, zh-CN, zh-TW, bg), zone, hours and days. */
public record ReadyMadeCalendar(String key, Map<String, String> names, ZoneId zone,
		Map<DayOfWeek, List<WorkingPeriod>> weeklyHours, List<CalendarDay> days) {

	public ReadyMadeCalendar {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(zone, "zone");
		names = Map.copyOf(names);
		weeklyHours = Collections.unmodifiableMap(new EnumMap<>(weeklyHours));
		days = List.copyOf(days);
	}

	/** The name in the given language tag, falling back to English. */
	public String name(String languageTag) {
		return names.getOrDefault(languageTag, names.get("en"));
	}

	public BusinessCalendar toBusinessCalendar() {
		return BusinessCalendar.of(zone, weeklyHours, days);
	}

}
