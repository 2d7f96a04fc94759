package app.rapport.commitment.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.rapport.commitment.calendar.CalendarFixtures.holidays;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The iCalendar format")
class IcsFormatTests {

	static final Instant STAMP = Instant.parse("2026-01-01T12:00:00Z");

	static String lines(String... lines) {
		return String.join("\n", lines) + "\n";
	}

	static CalendarDay day(String date, DayKind kind, String name, String hours) {
		return new CalendarDay(LocalDate.parse(date), kind, name, WorkingPeriod.parseList(hours));
	}

	@Nested
	@DisplayName("when reading a realistic feed")
	class Reading {

		static final String FEED = lines(
				"BEGIN:VCALENDAR", // 1
				"VERSION:2.0", // 2
				"PRODID:-//Example//Holidays//EN", // 3
				"X-WR-CALNAME:中国大陆节假日\\, 2026", // 4
				"X-WR-TIMEZONE:Asia/Shanghai", // 5
				"BEGIN:VTIMEZONE", // 6
				"TZID:Asia/Shanghai", // 7
				"BEGIN:STANDARD", // 8
				"DTSTART:19700101T000000", // 9
				"TZOFFSETFROM:+0800", // 10
				"TZOFFSETTO:+0800", // 11
				"END:STANDARD", // 12
				"END:VTIMEZONE", // 13
				"BEGIN:VEVENT", // 14
				"UID:spring@example", // 15
				"DTSTART;VALUE=DATE:20260215", // 16
				"DTEND;VALUE=DATE:20260224", // 17
				"SUMMARY:春节", // 18
				"DESCRIPTION:A long description that is folded over", // 19
				" two lines\\; with escapes", // 20
				"END:VEVENT", // 21
				"BEGIN:VEVENT", // 22
				"DTSTART;VALUE=DATE:20260214", // 23
				"SUMMARY:春节补班", // 24
				"END:VEVENT", // 25
				"BEGIN:VEVENT", // 26
				"DTSTART;TZID=\"Asia/Shanghai\":20260228T090000", // 27
				"DTEND;TZID=Asia/Shanghai:20260228T180000", // 28
				"SUMMARY:Make-up", // 29
				"  day", // 30
				"CATEGORIES:Company,WORKDAY", // 31
				"END:VEVENT", // 32
				"BEGIN:VEVENT", // 33
				"DTSTART;VALUE=DATE:20260101", // 34
				"RRULE:FREQ=YEARLY;COUNT=3", // 35
				"SUMMARY:New Year\\, \\\\o/ \\;-)", // 36
				"END:VEVENT", // 37
				"BEGIN:VEVENT", // 38
				"DTSTART;VALUE=DATE:20260501", // 39
				"DTEND;VALUE=DATE:20260502", // 40
				"X-RAPPORT-DAY:working-day", // 41
				"X-RAPPORT-HOURS:09:00-12:00", // 42
				"SUMMARY:Half day", // 43
				"BEGIN:VALARM", // 44
				"TRIGGER:-PT15M", // 45
				"DTSTART:20990101", // 46
				"END:VALARM", // 47
				"END:VEVENT", // 48
				"END:VCALENDAR"); // 49

		@Test
		void readsNameZoneAndEveryDayWithoutProblems() {
			IcsImport imported = IcsFormat.read(FEED);

			assertThat(imported.problems()).isEmpty();
			assertThat(imported.calendarName()).isEqualTo("中国大陆节假日, 2026");
			assertThat(imported.timeZone()).isEqualTo("Asia/Shanghai");
			List<CalendarDay> expected = new ArrayList<>();
			expected.add(CalendarDay.holiday(LocalDate.parse("2026-01-01"), "New Year, \\o/ ;-)"));
			expected.add(CalendarDay.workingDay(LocalDate.parse("2026-02-14"), "春节补班"));
			expected.addAll(holidays("2026-02-15", "2026-02-23", "春节"));
			expected.add(CalendarDay.workingDay(LocalDate.parse("2026-02-28"), "Make-up day"));
			expected.add(day("2026-05-01", DayKind.WORKING_DAY, "Half day", "09:00-12:00"));
			expected.add(CalendarDay.holiday(LocalDate.parse("2027-01-01"), "New Year, \\o/ ;-)"));
			expected.add(CalendarDay.holiday(LocalDate.parse("2028-01-01"), "New Year, \\o/ ;-)"));
			assertThat(imported.days()).containsExactlyElementsOf(expected);
		}

		@Test
		void readsCrLfLikeLf() {
			assertThat(IcsFormat.read(FEED.replace("\n", "\r\n"))).isEqualTo(IcsFormat.read(FEED));
		}

		@Test
		void expandsAYearlyRuleUntilADate() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260303",
					"RRULE:FREQ=YEARLY;UNTIL=20280303T000000Z", "SUMMARY:Освобождение", "END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.days()).extracting(CalendarDay::date)
				.containsExactly(LocalDate.parse("2026-03-03"), LocalDate.parse("2027-03-03"), LocalDate.parse("2028-03-03"));
		}

		@Test
		void takesWorkingDaysFromChineseSummaries() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260104",
					"SUMMARY:元旦調休上班", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20260214", "SUMMARY:補班", "END:VEVENT",
					"BEGIN:VEVENT", "DTSTART:20260101", "SUMMARY:元旦", "END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.days()).extracting(CalendarDay::kind)
				.containsExactly(DayKind.HOLIDAY, DayKind.WORKING_DAY, DayKind.WORKING_DAY);
		}

	}

	@Nested
	@DisplayName("when reading a faulty file reports the line")
	class Problems {

		static IcsProblem onlyProblem(String text) {
			IcsImport imported = IcsFormat.read(text);
			assertThat(imported.problems()).hasSize(1);
			return imported.problems().get(0);
		}

		@Test
		void ofAFileThatIsNotACalendar() {
			assertThat(onlyProblem("\n\nName,Date\nNew Year,2026-01-01\n"))
				.isEqualTo(new IcsProblem(3, "An iCalendar file must start with BEGIN:VCALENDAR"));
		}

		@Test
		void ofAnEventThatIsNeverClosed() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260101", "END:VCALENDAR"));

			assertThat(imported.problems()).containsExactly(
					new IcsProblem(2, "BEGIN:VEVENT is not closed before END:VCALENDAR on line 4"));
			assertThat(imported.days()).isEmpty();
		}

		@Test
		void ofAnEndWithoutBeginAndACalendarNeverClosed() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260101", "END:VEVENT",
					"END:VEVENT"));

			assertThat(imported.problems()).containsExactly(new IcsProblem(1, "BEGIN:VCALENDAR is never closed"),
					new IcsProblem(5, "END:VEVENT has no matching BEGIN"));
			assertThat(imported.days()).hasSize(1);
		}

		@Test
		void ofALineWithoutAColon() {
			assertThat(onlyProblem(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260101", "SUMMARY New Year",
					"END:VEVENT", "END:VCALENDAR")))
				.isEqualTo(new IcsProblem(4, "The line has no ':' between name and value"));
		}

		@Test
		void ofABadDate() {
			assertThat(onlyProblem(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260230", "END:VEVENT",
					"BEGIN:VEVENT", "DTSTART:20260101", "END:VEVENT", "END:VCALENDAR")))
				.isEqualTo(new IcsProblem(3, "Bad date '20260230' in DTSTART (expected yyyyMMdd)"));
		}

		@Test
		void ofAnEndBeforeTheStart() {
			assertThat(onlyProblem(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260102", "DTEND:20260102",
					"END:VEVENT", "END:VCALENDAR")))
				.isEqualTo(new IcsProblem(4, "DTEND 20260102 is not after DTSTART 20260102"));
		}

		@Test
		void ofADateGivenAgainWithAnotherKind() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260214",
					"SUMMARY:补班", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20260213", "DTEND:20260216", "SUMMARY:春节",
					"END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.problems()).containsExactly(new IcsProblem(7,
					"2026-02-14 is already a working day from line 3; this event's holiday is left out"));
			assertThat(imported.days()).extracting(CalendarDay::kind)
				.containsExactly(DayKind.HOLIDAY, DayKind.WORKING_DAY, DayKind.HOLIDAY);
		}

		@Test
		void ofMoreThanFiveThousandDays() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20000101",
					"DTEND:20200101", "END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.problems()).containsExactly(new IcsProblem(3, "More than 5,000 days; the rest are left out"));
			assertThat(imported.days()).hasSize(5000);
		}

		@Test
		void ofAFileOverOneMegabyte() {
			assertThat(onlyProblem("BEGIN:VCALENDAR\n" + "X-PADDING:" + "x".repeat(IcsFormat.MAX_BYTES) + "\n"))
				.isEqualTo(new IcsProblem(0, "The file is larger than 1 MB"));
		}

		@Test
		void ofAFileWithoutEvents() {
			assertThat(onlyProblem(lines("BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR")))
				.isEqualTo(new IcsProblem(0, "The file holds no events"));
		}

		@Test
		void ofAnUnknownTimeZone() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "X-WR-TIMEZONE:Europe/Atlantis", "BEGIN:VEVENT",
					"DTSTART:20260101", "END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.problems()).containsExactly(new IcsProblem(2, "Unknown time zone 'Europe/Atlantis'"));
			assertThat(imported.timeZone()).isNull();
		}

		@Test
		void ofAnUnsupportedRule() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260105",
					"RRULE:FREQ=WEEKLY;COUNT=10", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20260101", "RRULE:FREQ=YEARLY",
					"END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.problems()).extracting(IcsProblem::line).containsExactly(4, 8);
			assertThat(imported.problems().get(0).reason()).startsWith("Only RRULE:FREQ=YEARLY with COUNT or UNTIL");
			assertThat(imported.days()).isEmpty();
		}

		@Test
		void ofBadHoursAndABadDayKind() {
			IcsImport imported = IcsFormat.read(lines("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260104",
					"X-RAPPORT-DAY:WORKING-DAY", "X-RAPPORT-HOURS:9-12", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20260105",
					"X-RAPPORT-DAY:DAY-OFF", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20260106", "X-RAPPORT-DAY:HOLIDAY",
					"X-RAPPORT-HOURS:09:00-12:00", "END:VEVENT", "END:VCALENDAR"));

			assertThat(imported.problems()).extracting(IcsProblem::line).containsExactly(5, 9, 14);
			assertThat(imported.problems().get(1).reason()).isEqualTo("X-RAPPORT-DAY must be WORKING-DAY or HOLIDAY, not 'DAY-OFF'");
			assertThat(imported.days()).isEmpty();
		}

	}

	@Nested
	@DisplayName("when writing")
	class Writing {

		@Test
		void writesOneAllDayEventPerDay() {
			String written = IcsFormat.write("Bulgaria", ZoneId.of("Europe/Sofia"),
					List.of(CalendarDay.holiday(LocalDate.parse("2026-03-03"), "Ден на Освобождението")), STAMP);

			assertThat(written).isEqualTo(String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
					"PRODID:-//Rapport//Business calendar//EN", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Bulgaria",
					"X-WR-TIMEZONE:Europe/Sofia", "BEGIN:VEVENT", "UID:20260303-holiday@rapport", "DTSTAMP:20260101T120000Z",
					"DTSTART;VALUE=DATE:20260303", "DTEND;VALUE=DATE:20260304", "SUMMARY:Ден на Освобождението",
					"TRANSP:OPAQUE", "X-RAPPORT-DAY:HOLIDAY", "END:VEVENT", "END:VCALENDAR") + "\r\n");
		}

		@Test
		void joinsConsecutiveAlikeDaysIntoOneEvent() {
			List<CalendarDay> days = new ArrayList<>(holidays("2026-02-15", "2026-02-23", "春节"));
			days.add(CalendarDay.workingDay(LocalDate.parse("2026-02-14"), "春节补班"));
			days.add(CalendarDay.workingDay(LocalDate.parse("2026-02-28"), "春节补班"));

			String written = IcsFormat.write("中国大陆", ZoneId.of("Asia/Shanghai"), days, STAMP);

			assertThat(written.split("BEGIN:VEVENT", -1)).hasSize(4);
			assertThat(written).contains("DTSTART;VALUE=DATE:20260215\r\nDTEND;VALUE=DATE:20260224\r\n")
				.contains("UID:20260214-working_day@rapport\r\n")
				.contains("TRANSP:TRANSPARENT\r\nX-RAPPORT-DAY:WORKING-DAY\r\n");
		}

		@Test
		void roundTripsChineseAndBulgarianNamesHoursAndEscapes() {
			List<CalendarDay> days = new ArrayList<>(holidays("2026-02-15", "2026-02-23", "春节（农历腊月二十八至正月初七），共九天"));
			days.add(CalendarDay.workingDay(LocalDate.parse("2026-02-14"), "春节补班"));
			days.add(CalendarDay.holiday(LocalDate.parse("2026-04-10"), "Разпети петък; Великден, 2026 \\ православен"));
			days.add(CalendarDay.holiday(LocalDate.parse("2026-05-24"),
					"Ден на светите братя Кирил и Методий, на българската азбука, просвета и култура и на славянската книжовност"));
			days.add(day("2026-12-31", DayKind.WORKING_DAY, "半天 🎆\nhalf day", "09:00-12:00,13:30-15:00"));
			days.add(day("2027-01-02", DayKind.WORKING_DAY, null, "22:00-06:00"));

			String written = IcsFormat.write("Праздници, 节假日", ZoneId.of("Europe/Sofia"), days, STAMP);
			IcsImport read = IcsFormat.read(written);

			assertThat(read.problems()).isEmpty();
			assertThat(read.calendarName()).isEqualTo("Праздници, 节假日");
			assertThat(read.timeZone()).isEqualTo("Europe/Sofia");
			assertThat(read.days()).containsExactlyInAnyOrderElementsOf(days);
		}

		@Test
		void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
			String longName = "中华人民共和国国务院办公厅关于二〇二六年部分节假日安排的通知🎆".repeat(3);
			String written = IcsFormat.write(longName, ZoneId.of("Asia/Shanghai"),
					List.of(CalendarDay.holiday(LocalDate.parse("2026-10-01"), longName)), STAMP);

			assertThat(written).contains("\r\n ");
			assertThat(written).doesNotContain("\n\n").endsWith("END:VCALENDAR\r\n");
			for (String line : written.split("\r\n")) {
				byte[] octets = line.getBytes(StandardCharsets.UTF_8);
				assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
				assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(line).doesNotContain("\uFFFD");
				assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).isFalse();
			}
			assertThat(IcsFormat.read(written).days().get(0).name()).isEqualTo(longName);
		}

	}

}
