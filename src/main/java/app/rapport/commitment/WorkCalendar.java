package app.rapport.commitment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import app.rapport.commitment.calendar.BusinessCalendar;
import app.rapport.commitment.calendar.CalendarDay;
import app.rapport.commitment.calendar.DayKind;
import app.rapport.commitment.calendar.WorkingPeriod;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A stored business calendar: zone, weekly working hours and its holidays and extra working days. */
@Entity
@Table(name = "business_calendar")
class WorkCalendar {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Column(name = "ready_made_key")
	String readyMadeKey;

	String name;

	@Column(name = "time_zone")
	String timeZone;

	@Column(name = "weekly_hours")
	String weeklyHours;

	@ElementCollection
	@CollectionTable(name = "calendar_day", joinColumns = @JoinColumn(name = "calendar_id"))
	List<Day> days = new ArrayList<>();

	@Column(name = "created_at")
	Instant createdAt;

	@Column(name = "updated_at")
	Instant updatedAt;

	@Version
	long version;

	protected WorkCalendar() {
	}

	WorkCalendar(String readyMadeKey, String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours,
			Instant now) {
		this.readyMadeKey = readyMadeKey;
		this.name = name;
		this.timeZone = zone.getId();
		this.weeklyHours = formatHours(hours);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A holiday or extra working day as stored. */
	@Embeddable
	static class Day {

		@Column(name = "on_date")
		LocalDate day;

		@Enumerated(EnumType.STRING)
		DayKind kind;

		String name;

		String periods;

		protected Day() {
		}

		Day(CalendarDay d) {
			this.day = d.date();
			this.kind = d.kind();
			this.name = d.name();
			this.periods = d.periods().isEmpty() ? null : WorkingPeriod.formatList(d.periods());
		}

		CalendarDay toCalendarDay() {
			return new CalendarDay(day, kind, name, WorkingPeriod.parseList(periods));
		}

	}

	ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	Map<DayOfWeek, List<WorkingPeriod>> hours() {
		return parseHours(weeklyHours);
	}

	List<CalendarDay> calendarDays() {
		return days.stream().map(Day::toCalendarDay).sorted((a, b) -> a.date().compareTo(b.date())).toList();
	}

	BusinessCalendar toBusinessCalendar() {
		return BusinessCalendar.of(zone(), hours(), calendarDays());
	}

	void replaceDays(List<CalendarDay> newDays) {
		days.clear();
		newDays.forEach(d -> days.add(new Day(d)));
	}

	static String formatHours(Map<DayOfWeek, List<WorkingPeriod>> hours) {
		StringJoiner all = new StringJoiner(";");
		for (DayOfWeek day : DayOfWeek.values()) {
			List<WorkingPeriod> periods = hours.getOrDefault(day, List.of());
			if (!periods.isEmpty()) {
				all.add(day + "=" + WorkingPeriod.formatList(periods));
			}
		}
		return all.toString();
	}

	static Map<DayOfWeek, List<WorkingPeriod>> parseHours(String text) {
		Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
		if (text == null || text.isBlank()) {
			return hours;
		}
		for (String part : text.split(";")) {
			String[] dayAndPeriods = part.split("=", 2);
			hours.put(DayOfWeek.valueOf(dayAndPeriods[0]), WorkingPeriod.parseList(dayAndPeriods[1]));
		}
		return hours;
	}

}
