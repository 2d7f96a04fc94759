package app.rapport.commitment.calendar;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the holidays and moved working days of a calendar as iCalendar (RFC 5545); our own small reader,
 * so that every problem can name its line.
 */
public final class IcsFormat {

	/** Larger files are refused before they are parsed. */
	public static final int MAX_BYTES = 1024 * 1024;

	public static final int MAX_DAYS = 5000;

	public static final String PRODUCT_ID = "-//Rapport//Business calendar//EN";

	static final String DAY_KIND_PROPERTY = "X-RAPPORT-DAY";

	static final String HOURS_PROPERTY = "X-RAPPORT-HOURS";

	private static final int MAX_OCTETS_PER_LINE = 75;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern DATE_VALUE = Pattern.compile("(\\d{8})(?:T(\\d{6})Z?)?");

	/** Summaries of common Chinese holiday feeds that mark a moved working day ("make-up work", "work"). */
	private static final List<String> WORKING_DAY_WORDS = List.of("补班", "補班", "调休上班", "上班");

	private IcsFormat() {
	}

	/** Reads a calendar; every problem is reported with its line, never thrown. */
	public static IcsImport read(String text) {
		return new Reader().read(text == null ? "" : text);
	}

	/**
	 * Writes the days as a VCALENDAR, runs of consecutive dates alike in kind, name and hours as one all-day event,
	 * with CRLF line endings and lines folded at 75 octets.
	 */
	public static String write(String calendarName, ZoneId zone, Collection<CalendarDay> days, Instant stamp) {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(days, "days");
		Objects.requireNonNull(stamp, "stamp");
		List<CalendarDay> sorted = new ArrayList<>(days);
		sorted.sort(Comparator.comparing(CalendarDay::date));
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:" + PRODUCT_ID);
		line(out, "CALSCALE:GREGORIAN");
		if (calendarName != null && !calendarName.isBlank()) {
			line(out, "X-WR-CALNAME:" + escape(calendarName.strip()));
		}
		line(out, "X-WR-TIMEZONE:" + zone.getId());
		String dtstamp = STAMP.format(stamp);
		for (int first = 0; first < sorted.size();) {
			CalendarDay day = sorted.get(first);
			int next = first + 1;
			while (next < sorted.size() && continues(sorted.get(next - 1), sorted.get(next))) {
				next++;
			}
			LocalDate endExclusive = sorted.get(next - 1).date().plusDays(1);
			boolean holiday = day.kind() == DayKind.HOLIDAY;
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + DATE.format(day.date()) + "-" + day.kind().name().toLowerCase(Locale.ROOT) + "@rapport");
			line(out, "DTSTAMP:" + dtstamp);
			line(out, "DTSTART;VALUE=DATE:" + DATE.format(day.date()));
			line(out, "DTEND;VALUE=DATE:" + DATE.format(endExclusive));
			if (day.name() != null) {
				line(out, "SUMMARY:" + escape(day.name()));
			}
			line(out, "TRANSP:" + (holiday ? "OPAQUE" : "TRANSPARENT"));
			line(out, DAY_KIND_PROPERTY + ":" + (holiday ? "HOLIDAY" : "WORKING-DAY"));
			if (!day.periods().isEmpty()) {
				line(out, HOURS_PROPERTY + ":" + WorkingPeriod.formatList(day.periods()));
			}
			line(out, "END:VEVENT");
			first = next;
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	private static boolean continues(CalendarDay previous, CalendarDay next) {
		return next.date().equals(previous.date().plusDays(1)) && next.kind() == previous.kind()
				&& Objects.equals(next.name(), previous.name()) && next.periods().equals(previous.periods());
	}

	/** Appends a content line, folded so that no physical line exceeds 75 octets nor splits a character. */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int length = utf8Length(codePoint);
			if (octets + length > MAX_OCTETS_PER_LINE) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += length;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

	private static int utf8Length(int codePoint) {
		return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				case '\r' -> {
				}
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				plain.append(next == 'n' || next == 'N' ? '\n' : next);
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

	/** Splits a text list such as CATEGORIES at the commas that are not escaped, and unescapes each item. */
	private static List<String> splitList(String text) {
		List<String> items = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == ',') {
				items.add(unescape(text.substring(start, i)).strip());
				start = i + 1;
			}
		}
		items.add(unescape(text.substring(start)).strip());
		return items;
	}

	/** A content line after unfolding: its first physical line, name, parameters and raw value. */
	private record Property(int line, String name, Map<String, String> parameters, String value) {
	}

	private record LogicalLine(int line, String text) {
	}

	private record Component(String name, int line) {
	}

	/** A date from DTSTART or DTEND; {@code time} is null for a DATE value. */
	private record DateValue(LocalDate date, LocalTime time) {

		LocalDateTime dateTime() {
			return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
		}

		/** The first date not covered when this is an exclusive end. */
		LocalDate exclusiveEndDate() {
			return time == null || time.equals(LocalTime.MIDNIGHT) ? date : date.plusDays(1);
		}

	}

	private record Found(CalendarDay day, int line) {
	}

	/** One read: the state is per call, so that {@link IcsFormat} itself stays stateless. */
	private static final class Reader {

		private final List<IcsProblem> problems = new ArrayList<>();

		private final Map<LocalDate, Found> days = new TreeMap<>();

		private String calendarName;

		private String timeZone;

		private int events;

		private boolean tooManyDays;

		IcsImport read(String text) {
			if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				problems.add(new IcsProblem(0, "The file is larger than 1 MB"));
				return result();
			}
			List<LogicalLine> lines = unfold(text.startsWith("\uFEFF") ? text.substring(1) : text);
			if (lines.isEmpty() || !lines.get(0).text().strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
				problems.add(new IcsProblem(lines.isEmpty() ? 0 : lines.get(0).line(),
						"An iCalendar file must start with BEGIN:VCALENDAR"));
				return result();
			}
			Deque<Component> open = new ArrayDeque<>();
			List<Property> event = null;
			int eventLine = 0;
			for (LogicalLine line : lines) {
				Property property = parse(line);
				if (property == null) {
					continue;
				}
				String value = property.value().strip().toUpperCase(Locale.ROOT);
				if (property.name().equals("BEGIN")) {
					if (value.equals("VEVENT") && !open.isEmpty() && open.peek().name().equals("VCALENDAR")) {
						event = new ArrayList<>();
						eventLine = line.line();
						events++;
					}
					open.push(new Component(value, line.line()));
				}
				else if (property.name().equals("END")) {
					if (open.isEmpty() || open.stream().noneMatch(component -> component.name().equals(value))) {
						problems.add(new IcsProblem(line.line(), "END:" + value + " has no matching BEGIN"));
						continue;
					}
					while (!open.peek().name().equals(value)) {
						Component unclosed = open.pop();
						problems.add(new IcsProblem(unclosed.line(), "BEGIN:" + unclosed.name() + " is not closed before END:"
								+ value + " on line " + line.line()));
					}
					open.pop();
					if (value.equals("VEVENT") && event != null) {
						addEvent(eventLine, event);
						event = null;
					}
				}
				else if (!open.isEmpty() && open.peek().name().equals("VEVENT") && event != null) {
					event.add(property);
				}
				else if (open.size() == 1 && open.peek().name().equals("VCALENDAR")) {
					readCalendarProperty(property);
				}
			}
			while (!open.isEmpty()) {
				Component unclosed = open.pop();
				problems.add(new IcsProblem(unclosed.line(), "BEGIN:" + unclosed.name() + " is never closed"));
			}
			if (events == 0) {
				problems.add(new IcsProblem(0, "The file holds no events"));
			}
			return result();
		}

		private IcsImport result() {
			problems.sort(Comparator.comparingInt(IcsProblem::line));
			return new IcsImport(calendarName, timeZone, days.values().stream().map(Found::day).toList(),
					List.copyOf(problems));
		}

		private static List<LogicalLine> unfold(String text) {
			List<LogicalLine> lines = new ArrayList<>();
			String[] physical = text.split("\r\n|\r|\n", -1);
			StringBuilder current = null;
			int currentLine = 0;
			for (int i = 0; i < physical.length; i++) {
				String line = physical[i];
				boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
				if (continuation && current != null) {
					current.append(line, 1, line.length());
					continue;
				}
				if (current != null) {
					lines.add(new LogicalLine(currentLine, current.toString()));
					current = null;
				}
				if (!line.isBlank()) {
					current = new StringBuilder(continuation ? line.substring(1) : line);
					currentLine = i + 1;
				}
			}
			if (current != null) {
				lines.add(new LogicalLine(currentLine, current.toString()));
			}
			return lines;
		}

		/** Splits NAME;PARAM=value:value, honouring quoted parameter values; null after reporting a problem. */
		private Property parse(LogicalLine line) {
			String text = line.text();
			List<String> parts = new ArrayList<>();
			boolean quoted = false;
			int start = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && c == ';') {
					parts.add(text.substring(start, i));
					start = i + 1;
				}
				else if (!quoted && c == ':') {
					parts.add(text.substring(start, i));
					Map<String, String> parameters = new HashMap<>();
					for (String parameter : parts.subList(1, parts.size())) {
						int equals = parameter.indexOf('=');
						if (equals > 0) {
							parameters.put(parameter.substring(0, equals).strip().toUpperCase(Locale.ROOT),
									parameter.substring(equals + 1).replace("\"", ""));
						}
					}
					return new Property(line.line(), parts.get(0).strip().toUpperCase(Locale.ROOT), parameters,
							text.substring(i + 1));
				}
			}
			problems.add(new IcsProblem(line.line(), "The line has no ':' between name and value"));
			return null;
		}

		private void readCalendarProperty(Property property) {
			switch (property.name()) {
				case "X-WR-CALNAME" -> calendarName = unescape(property.value()).strip();
				case "X-WR-TIMEZONE" -> {
					String zone = property.value().strip();
					try {
						timeZone = ZoneId.of(zone).getId();
					}
					catch (DateTimeException ex) {
						problems.add(new IcsProblem(property.line(), "Unknown time zone '" + zone + "'"));
					}
				}
				default -> {
				}
			}
		}

		private void addEvent(int beginLine, List<Property> properties) {
			Map<String, Property> first = new LinkedHashMap<>();
			List<String> categories = new ArrayList<>();
			for (Property property : properties) {
				first.putIfAbsent(property.name(), property);
				if (property.name().equals("CATEGORIES")) {
					categories.addAll(splitList(property.value()));
				}
			}
			Property dtstart = first.get("DTSTART");
			if (dtstart == null) {
				problems.add(new IcsProblem(beginLine, "The event has no DTSTART"));
				return;
			}
			DateValue start = dateValue(dtstart);
			if (start == null) {
				return;
			}
			LocalDate endExclusive = start.date().plusDays(1);
			Property dtend = first.get("DTEND");
			if (dtend != null) {
				DateValue end = dateValue(dtend);
				if (end == null) {
					return;
				}
				if (!end.dateTime().isAfter(start.dateTime())) {
					problems.add(new IcsProblem(dtend.line(), "DTEND " + dtend.value().strip() + " is not after DTSTART "
							+ dtstart.value().strip()));
					return;
				}
				endExclusive = end.exclusiveEndDate();
			}
			DayKind kind = kind(first.get(DAY_KIND_PROPERTY), categories, first.get("SUMMARY"));
			if (kind == null) {
				return;
			}
			Property summary = first.get("SUMMARY");
			String name = summary == null ? null : unescape(summary.value());
			Property hours = first.get(HOURS_PROPERTY);
			CalendarDay template;
			try {
				template = new CalendarDay(start.date(), kind, name,
						hours == null ? List.of() : WorkingPeriod.parseList(hours.value()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new IcsProblem(hours == null ? dtstart.line() : hours.line(),
						"Bad " + HOURS_PROPERTY + " '" + (hours == null ? "" : hours.value().strip()) + "': " + ex.getMessage()));
				return;
			}
			List<LocalDate> starts = occurrences(start.date(), first.get("RRULE"));
			if (starts == null) {
				return;
			}
			long length = endExclusive.toEpochDay() - start.date().toEpochDay();
			for (LocalDate occurrence : starts) {
				for (long offset = 0; offset < length; offset++) {
					if (!add(new CalendarDay(occurrence.plusDays(offset), kind, template.name(), template.periods()),
							dtstart.line())) {
						return;
					}
				}
			}
		}

		/** Adds one day; false once the limit is reached. */
		private boolean add(CalendarDay day, int line) {
			Found earlier = days.get(day.date());
			if (earlier != null) {
				if (earlier.day().kind() != day.kind()) {
					problems.add(new IcsProblem(line, day.date() + " is already a " + describe(earlier.day().kind())
							+ " from line " + earlier.line() + "; this event's " + describe(day.kind()) + " is left out"));
				}
				return true;
			}
			if (days.size() >= MAX_DAYS) {
				if (!tooManyDays) {
					problems.add(new IcsProblem(line, "More than " + String.format(Locale.ROOT, "%,d", MAX_DAYS)
							+ " days; the rest are left out"));
					tooManyDays = true;
				}
				return false;
			}
			days.put(day.date(), new Found(day, line));
			return true;
		}

		private static String describe(DayKind kind) {
			return kind == DayKind.HOLIDAY ? "holiday" : "working day";
		}

		private DateValue dateValue(Property property) {
			Matcher matcher = DATE_VALUE.matcher(property.value().strip());
			try {
				if (matcher.matches()) {
					LocalDate date = LocalDate.parse(matcher.group(1), DATE);
					return new DateValue(date, matcher.group(2) == null ? null : LocalTime.parse(matcher.group(2), TIME));
				}
			}
			catch (DateTimeException ex) {
				// reported below like any other malformed value
			}
			problems.add(new IcsProblem(property.line(),
					"Bad date '" + property.value().strip() + "' in " + property.name() + " (expected yyyyMMdd)"));
			return null;
		}

		private DayKind kind(Property dayKind, List<String> categories, Property summary) {
			if (dayKind != null) {
				String value = dayKind.value().strip().toUpperCase(Locale.ROOT);
				if (value.equals("WORKING-DAY")) {
					return DayKind.WORKING_DAY;
				}
				if (value.equals("HOLIDAY")) {
					return DayKind.HOLIDAY;
				}
				problems.add(new IcsProblem(dayKind.line(),
						DAY_KIND_PROPERTY + " must be WORKING-DAY or HOLIDAY, not '" + dayKind.value().strip() + "'"));
				return null;
			}
			boolean workingCategory = categories.stream()
				.anyMatch(category -> category.equalsIgnoreCase("WORKING-DAY") || category.equalsIgnoreCase("WORKDAY"));
			String name = summary == null ? "" : unescape(summary.value());
			boolean workingSummary = WORKING_DAY_WORDS.stream().anyMatch(name::contains);
			return workingCategory || workingSummary ? DayKind.WORKING_DAY : DayKind.HOLIDAY;
		}

		/** The start dates of a yearly rule with COUNT or UNTIL; null after reporting any other rule. */
		private List<LocalDate> occurrences(LocalDate start, Property rrule) {
			if (rrule == null) {
				return List.of(start);
			}
			Map<String, String> parts = new HashMap<>();
			for (String part : rrule.value().strip().toUpperCase(Locale.ROOT).split(";")) {
				int equals = part.indexOf('=');
				parts.put(equals < 0 ? part : part.substring(0, equals), equals < 0 ? "" : part.substring(equals + 1));
			}
			String unsupported = "Only RRULE:FREQ=YEARLY with COUNT or UNTIL is supported, not '" + rrule.value().strip()
					+ "'; the event is left out";
			if (!"YEARLY".equals(parts.remove("FREQ")) || parts.containsKey("COUNT") == parts.containsKey("UNTIL")) {
				problems.add(new IcsProblem(rrule.line(), unsupported));
				return null;
			}
			try {
				int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
				parts.remove("INTERVAL");
				int count = parts.containsKey("COUNT") ? Integer.parseInt(parts.remove("COUNT")) : Integer.MAX_VALUE;
				LocalDate until = LocalDate.MAX;
				if (parts.containsKey("UNTIL")) {
					Matcher matcher = DATE_VALUE.matcher(parts.remove("UNTIL"));
					if (!matcher.matches()) {
						throw new NumberFormatException();
					}
					until = LocalDate.parse(matcher.group(1), DATE);
				}
				if (!parts.isEmpty() || interval < 1 || count < 1) {
					throw new NumberFormatException();
				}
				List<LocalDate> starts = new ArrayList<>();
				for (int year = 0; starts.size() < Math.min(count, MAX_DAYS + 1)
						&& start.getYear() + (long) year * interval <= LocalDate.MAX.getYear() - 1; year++) {
					LocalDate occurrence = start.plusYears((long) year * interval);
					if (occurrence.isAfter(until)) {
						break;
					}
					// As RFC 5545 says, a 29 February rule skips the years without one rather than moving.
					if (occurrence.getDayOfMonth() == start.getDayOfMonth()) {
						starts.add(occurrence);
					}
				}
				return starts;
			}
			catch (NumberFormatException | DateTimeException ex) {
				problems.add(new IcsProblem(rrule.line(), unsupported));
				return null;
			}
		}

	}

}
