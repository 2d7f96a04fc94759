package app.rapport.commitment;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import app.rapport.commitment.calendar.BusinessCalendar;
import app.rapport.commitment.calendar.CalendarDay;
import app.rapport.commitment.calendar.DayKind;
import app.rapport.commitment.calendar.IcsFormat;
import app.rapport.commitment.calendar.WorkingPeriod;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.TimeLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars: create and edit them, import and export their holidays and working days as
 * iCalendar, and the business-time arithmetic on them. A change recomputes the clocks of the open
 * tickets whose plan uses the calendar.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class Calendars {

	static final int MAX_NAME = 200;

	/** Arithmetic requests further apart than this are refused rather than computed. */
	static final long MAX_MINUTES = 10L * 366 * 24 * 60;

	private final WorkCalendarRepository calendars;

	private final ServicePlanRepository plans;

	private final PlanBook book;

	private final ClockRecomputes recomputes;

	private final Clock clock;

	Calendars(WorkCalendarRepository calendars, ServicePlanRepository plans, PlanBook book, ClockRecomputes recomputes,
			Clock clock) {
		this.calendars = calendars;
		this.plans = plans;
		this.book = book;
		this.recomputes = recomputes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CalendarView> all() {
		return calendars.findAll().stream().sorted((a, b) -> a.name.compareToIgnoreCase(b.name)).map(Calendars::view).toList();
	}

	@Transactional(readOnly = true)
	/** The calendar, with the latest background recompute of the running clocks of a plan that uses it. */
	public CalendarView get(long id) {
		return view(find(id)).withRecompute(plans.findByCalendarId(id).stream()
			.findFirst()
			.flatMap(p -> recomputes.progress(p.id))
			.orElse(null));
	}

	public CalendarView create(CalendarInput input) {
		Checked checked = check(input, null);
		WorkCalendar calendar = new WorkCalendar(null, checked.name, checked.zone, checked.hours, clock.instant());
		calendars.saveAndFlush(calendar);
		book.forget();
		return view(calendar);
	}

	/** Changes name, zone and working hours; the clocks of open tickets on plans using it are recomputed. */
	public CalendarView update(long id, CalendarInput input) {
		WorkCalendar calendar = find(id);
		if (input.version() != null && input.version() != calendar.version) {
			throw new ConflictException("Calendar " + id + " was changed by someone else (version " + calendar.version
					+ ", yours " + input.version() + "); reload it and apply your change again.");
		}
		Checked checked = check(input, calendar);
		calendar.name = checked.name;
		calendar.timeZone = checked.zone.getId();
		calendar.weeklyHours = WorkCalendar.formatHours(checked.hours);
		calendar.updatedAt = clock.instant();
		calendars.flush();
		requestRecompute(id);
		return view(calendar);
	}

	/** Adds or replaces one holiday or working day. */
	public CalendarView putDay(long id, LocalDate date, DayKind kind, String name, List<List<String>> hours) {
		WorkCalendar calendar = find(id);
		if (date == null || kind == null) {
			throw new InvalidInputException("date", "give the date and whether it is a holiday or a working day");
		}
		TimeLimits.check("date", date);
		List<WorkingPeriod> periods = periods("hours", hours);
		List<CalendarDay> days = new ArrayList<>(calendar.calendarDays());
		days.removeIf(d -> d.date().equals(date));
		days.add(new CalendarDay(date, kind, blankToNull(name), periods));
		checkCalendar(calendar.zone(), calendar.hours(), days);
		calendar.replaceDays(days);
		calendar.updatedAt = clock.instant();
		requestRecompute(id);
		return view(calendar);
	}

	public CalendarView removeDay(long id, LocalDate date) {
		WorkCalendar calendar = find(id);
		List<CalendarDay> days = new ArrayList<>(calendar.calendarDays());
		if (!days.removeIf(d -> d.date().equals(date))) {
			throw new NotFoundException("Day " + date + " of calendar " + id);
		}
		calendar.replaceDays(days);
		calendar.updatedAt = clock.instant();
		requestRecompute(id);
		return view(calendar);
	}

	/**
	 * Imports holidays and working days from iCalendar text. Days of the file replace the same dates;
	 * with {@code replaceAll} the calendar keeps only the file's days. A dry run, or a file with problems,
	 * writes nothing and says what would have happened.
	 */
	public IcsReport importIcs(long id, String text, boolean dryRun, boolean replaceAll) {
		WorkCalendar calendar = find(id);
		app.rapport.commitment.calendar.IcsImport parsed = IcsFormat.read(text == null ? "" : text);
		List<IcsReport.Problem> problems = new ArrayList<>();
		parsed.problems().forEach(p -> problems.add(new IcsReport.Problem(p.line(), p.reason())));
		Map<LocalDate, CalendarDay> current = new TreeMap<>();
		calendar.calendarDays().forEach(d -> current.put(d.date(), d));
		Map<LocalDate, CalendarDay> next = replaceAll ? new TreeMap<>() : new TreeMap<>(current);
		int added = 0;
		int changed = 0;
		for (CalendarDay day : parsed.days()) {
			CalendarDay before = current.get(day.date());
			if (before == null) {
				added++;
			}
			else if (!sameDay(before, day)) {
				changed++;
			}
			next.put(day.date(), day);
		}
		int removed = 0;
		for (LocalDate date : current.keySet()) {
			if (!next.containsKey(date)) {
				removed++;
			}
		}
		if (problems.isEmpty()) {
			try {
				checkCalendar(calendar.zone(), calendar.hours(), List.copyOf(next.values()));
			}
			catch (InvalidInputException ex) {
				problems.add(new IcsReport.Problem(0, ex.getMessage()));
			}
		}
		int holidays = (int) parsed.days().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
		int workingDays = parsed.days().size() - holidays;
		boolean apply = !dryRun && problems.isEmpty();
		if (apply) {
			calendar.replaceDays(List.copyOf(next.values()));
			calendar.updatedAt = clock.instant();
			requestRecompute(id);
		}
		return new IcsReport(dryRun, apply, holidays, workingDays, added, changed, removed, List.copyOf(problems));
	}

	@Transactional(readOnly = true)
	public String exportIcs(long id) {
		WorkCalendar calendar = find(id);
		return IcsFormat.write(calendar.name, calendar.zone(), calendar.calendarDays(), clock.instant());
	}

	/** The instant {@code minutes} business minutes after {@code from}. */
	@Transactional(readOnly = true)
	public Instant due(long id, Instant from, long minutes) {
		if (minutes < 0 || minutes > MAX_MINUTES) {
			throw new InvalidInputException("minutes", "must be between 0 and " + MAX_MINUTES);
		}
		TimeLimits.check("from", from);
		BusinessCalendar calendar = find(id).toBusinessCalendar();
		try {
			return calendar.plusMinutes(from, minutes);
		}
		catch (IllegalStateException ex) {
			throw new InvalidInputException("minutes", "the calendar has no working time within reach: " + ex.getMessage());
		}
	}

	/** Whole business minutes between two instants (0 when {@code to} is not after {@code from}). */
	@Transactional(readOnly = true)
	public long elapsed(long id, Instant from, Instant to) {
		TimeLimits.check("from", from);
		TimeLimits.check("to", to);
		if (Duration.between(from, to).toMinutes() > MAX_MINUTES) {
			throw new InvalidInputException("to", "must be at most ten years after from");
		}
		return find(id).toBusinessCalendar().minutesBetween(from, to);
	}

	public void delete(long id) {
		WorkCalendar calendar = find(id);
		if (!plans.findByCalendarId(id).isEmpty()) {
			throw new ConflictException("Calendar " + calendar.name + " is used by a service plan; give the plan another calendar first.");
		}
		calendars.delete(calendar);
		book.forget();
	}

	// ---------------------------------------------------------------- helpers

	WorkCalendar find(long id) {
		return calendars.findById(id).orElseThrow(() -> new NotFoundException("Calendar " + id));
	}

	private void requestRecompute(long calendarId) {
		List<Long> planIds = plans.findByCalendarId(calendarId).stream().map(p -> p.id).toList();
		book.forget();
		if (planIds.isEmpty()) {
			return;
		}
		recomputes.request(planIds);
	}

	private record Checked(String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours) {
	}

	private Checked check(CalendarInput input, WorkCalendar existing) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			errors.put("name", "must be 1 to " + MAX_NAME + " characters");
		}
		else if ((existing == null || !existing.name.equalsIgnoreCase(name)) && calendars.existsByNameIgnoreCase(name)) {
			errors.put("name", "another calendar is called '" + name + "'");
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(input.timeZone() == null ? "" : input.timeZone().strip());
		}
		catch (DateTimeException ex) {
			errors.put("timeZone", "is not a time zone; use a name such as Asia/Shanghai or Europe/Sofia");
		}
		Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
		if (input.workingHours() == null) {
			errors.put("workingHours", "give the working periods per weekday, e.g. {\"MONDAY\": [[\"09:00\",\"18:00\"]]}");
		}
		else {
			input.workingHours().forEach((dayName, periods) -> {
				DayOfWeek day;
				try {
					day = DayOfWeek.valueOf(dayName.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.put("workingHours." + dayName, "is not a weekday; use MONDAY … SUNDAY");
					return;
				}
				try {
					hours.put(day, periods("workingHours." + day, periods));
				}
				catch (InvalidInputException ex) {
					errors.putAll(ex.fieldErrors());
				}
			});
		}
		if (errors.isEmpty()) {
			try {
				checkCalendar(zone, hours, existing == null ? List.of() : existing.calendarDays());
			}
			catch (InvalidInputException ex) {
				errors.put("workingHours", ex.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The calendar has invalid fields.", errors);
		}
		return new Checked(name, zone, hours);
	}

	private static List<WorkingPeriod> periods(String field, List<List<String>> periods) {
		List<WorkingPeriod> result = new ArrayList<>();
		if (periods == null) {
			return result;
		}
		for (List<String> pair : periods) {
			if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
				throw new InvalidInputException(field, "each period is a pair [\"HH:mm\", \"HH:mm\"]");
			}
			try {
				result.add(WorkingPeriod.parse(pair.get(0).strip(), pair.get(1).strip()));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException(field, "'" + pair.get(0) + "-" + pair.get(1) + "' is not a working period: "
						+ ex.getMessage());
			}
		}
		return result;
	}

	private static void checkCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> hours, List<CalendarDay> days) {
		try {
			BusinessCalendar.of(zone, hours, days);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("workingHours", ex.getMessage());
		}
	}

	private static boolean sameDay(CalendarDay a, CalendarDay b) {
		return a.kind() == b.kind() && Objects.equals(a.name(), b.name()) && a.periods().equals(b.periods());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static CalendarView view(WorkCalendar c) {
		Map<String, List<List<String>>> hours = new LinkedHashMap<>();
		c.hours().forEach((day, periods) -> hours.put(day.name(), pairs(periods)));
		List<CalendarView.Day> days = c.calendarDays()
			.stream()
			.map(d -> new CalendarView.Day(d.date(), d.kind().name().toLowerCase(Locale.ROOT), d.name(), pairs(d.periods())))
			.toList();
		return new CalendarView(c.id, c.readyMadeKey, c.name, c.timeZone, hours, days, c.version, null);
	}

	private static List<List<String>> pairs(List<WorkingPeriod> periods) {
		return periods.stream().map(p -> List.of(p.start().toString(), p.end().toString())).toList();
	}

}
