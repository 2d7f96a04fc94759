package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Business calendars that read like the offices they describe. */
final class CalendarFixtures {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

	private CalendarFixtures() {
	}

	/** Monday to Friday 09:00-12:00 and 13:00-18:00 in Shanghai, no holidays. */
	static BusinessCalendar shanghaiOffice(CalendarDay... days) {
		return BusinessCalendar.of(SHANGHAI, weekdays("09:00-12:00,13:00-18:00"), List.of(days));
	}

	/** Monday to Friday 09:00-13:00 and 14:00-18:00 in Sofia. */
	static BusinessCalendar sofiaOffice(CalendarDay... days) {
		return BusinessCalendar.of(SOFIA, weekdays("09:00-13:00,14:00-18:00"), List.of(days));
	}

	/** A night shift starting Monday to Friday at 22:00 and ending at 06:00 the next morning. */
	static BusinessCalendar nightShift() {
		return BusinessCalendar.of(SHANGHAI, weekdays("22:00-06:00"), List.of());
	}

	/** Only Sunday 00:00-06:00 in Sofia, where the daylight-saving switches happen on Sunday nights. */
	static BusinessCalendar sofiaSundayNights() {
		return BusinessCalendar.of(SOFIA, Map.of(DayOfWeek.SUNDAY, WorkingPeriod.parseList("00:00-06:00")), List.of());
	}

	/** Every hour of every day. */
	static BusinessCalendar aroundTheClock() {
		Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day, WorkingPeriod.parseList("00:00-00:00"));
		}
		return BusinessCalendar.of(SOFIA, hours, List.of());
	}

	static Map<DayOfWeek, List<WorkingPeriod>> weekdays(String periods) {
		Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.put(day, WorkingPeriod.parseList(periods));
		}
		return hours;
	}

	static List<CalendarDay> holidays(String fromInclusive, String toInclusive, String name) {
		List<CalendarDay> days = new ArrayList<>();
		for (LocalDate date = LocalDate.parse(fromInclusive); !date.isAfter(LocalDate.parse(toInclusive)); date = date
			.plusDays(1)) {
			days.add(CalendarDay.holiday(date, name));
		}
		return days;
	}

	static CalendarDay holiday(String date) {
		return CalendarDay.holiday(LocalDate.parse(date), null);
	}

	static CalendarDay workingDay(String date) {
		return CalendarDay.workingDay(LocalDate.parse(date), null);
	}

	/** A local date-time such as "2026-03-02T09:00" in the given zone. */
	static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

}
