package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static app.rapport.commitment.calendar.CalendarFixtures.SHANGHAI;
import static app.rapport.commitment.calendar.CalendarFixtures.holidays;
import static app.rapport.commitment.calendar.CalendarFixtures.workingDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold for any instant in 2025-2028 and any duration up to 50,000 minutes, checked on a thousand
 * seeded random cases per calendar shape (seeded so that a failure repeats).
 */
@DisplayName("Any business calendar")
class BusinessCalendarPropertiesTests {

	static final int TRIES = 1000;

	static final long FIRST_SECOND = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

	static final long LAST_SECOND = Instant.parse("2029-01-01T00:00:00Z").getEpochSecond();

	static Stream<Arguments> shapes() {
		List<CalendarDay> springFestival = new ArrayList<>(holidays("2026-02-15", "2026-02-23", "春节"));
		springFestival.add(workingDay("2026-02-14"));
		springFestival.add(workingDay("2026-02-28"));
		List<CalendarDay> easter = holidays("2026-04-10", "2026-04-13", "Великден");
		return Stream.of(
				Arguments.of("Shanghai office with the Spring Festival",
						CalendarFixtures.shanghaiOffice(springFestival.toArray(CalendarDay[]::new))),
				Arguments.of("Sofia office with Easter and daylight saving",
						CalendarFixtures.sofiaOffice(easter.toArray(CalendarDay[]::new))),
				Arguments.of("night shift", CalendarFixtures.nightShift()),
				Arguments.of("nights running into mornings",
						BusinessCalendar.of(SHANGHAI, CalendarFixtures.weekdays("05:00-09:00,22:00-06:00"), List.of())),
				Arguments.of("Sofia Sunday nights across the switches", CalendarFixtures.sofiaSundayNights()),
				Arguments.of("around the clock in Sofia", CalendarFixtures.aroundTheClock()),
				Arguments.of("one hour on Saturdays, closed for half of 2026", BusinessCalendar.of(ZoneOffset.UTC,
						Map.of(DayOfWeek.SATURDAY, WorkingPeriod.parseList("10:00-11:00")),
						holidays("2026-01-01", "2026-06-30", "closed"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void measuresBackExactlyTheMinutesItAdded(String shape, BusinessCalendar calendar) {
		Random random = new Random(1);
		for (int i = 0; i < TRIES; i++) {
			Instant from = anInstant(random);
			long minutes = random.nextInt(50_001);
			Instant to = calendar.plusMinutes(from, minutes);
			assertThat(calendar.minutesBetween(from, to)).as("%s from %s plus %d minutes is %s", shape, from, minutes, to)
				.isEqualTo(minutes);
			assertThat(calendar.between(from, to)).isEqualTo(Duration.ofMinutes(minutes));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void addsUpAcrossAnyPointInBetween(String shape, BusinessCalendar calendar) {
		Random random = new Random(2);
		for (int i = 0; i < TRIES; i++) {
			Instant[] points = { anInstant(random), anInstant(random), anInstant(random) };
			Arrays.sort(points);
			Instant a = points[0];
			Instant b = points[1];
			Instant c = points[2];
			assertThat(calendar.between(a, c)).as("%s: %s, %s, %s", shape, a, b, c)
				.isEqualTo(calendar.between(a, b).plus(calendar.between(b, c)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void neverAddsLessForMoreTime(String shape, BusinessCalendar calendar) {
		Random random = new Random(3);
		for (int i = 0; i < TRIES; i++) {
			Instant from = anInstant(random);
			long shorter = random.nextInt(50_001);
			long longer = shorter + random.nextInt(50_001 - (int) shorter);
			assertThat(calendar.plusMinutes(from, shorter)).as("%s from %s: %d and %d minutes", shape, from, shorter, longer)
				.isBeforeOrEqualTo(calendar.plusMinutes(from, longer));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void endsRightAfterWorkingTime(String shape, BusinessCalendar calendar) {
		Random random = new Random(4);
		for (int i = 0; i < TRIES; i++) {
			Instant from = anInstant(random);
			long minutes = 1 + random.nextInt(50_000);
			Instant end = calendar.plusMinutes(from, minutes);
			assertThat(calendar.isWorkingAt(end.minusSeconds(1))).as("%s from %s plus %d minutes is %s", shape, from,
					minutes, end)
				.isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void measuresWhatTheWorkingIntervalsAddUpTo(String shape, BusinessCalendar calendar) {
		Random random = new Random(5);
		List<Interval> intervals = calendar.workingIntervals(LocalDate.parse("2024-12-30"), LocalDate.parse("2029-01-02"));
		for (int i = 0; i < TRIES / 10; i++) {
			Instant from = anInstant(random);
			Instant to = anInstant(random);
			Duration expected = Duration.ZERO;
			for (Interval interval : intervals) {
				Instant start = interval.start().isAfter(from) ? interval.start() : from;
				Instant end = interval.end().isBefore(to) ? interval.end() : to;
				if (end.isAfter(start)) {
					expected = expected.plus(Duration.between(start, end));
				}
			}
			assertThat(calendar.between(from, to)).as("%s from %s to %s", shape, from, to).isEqualTo(expected);
		}
	}

	/** Whole seconds, so that a duration in whole minutes never ends less than a second into working time. */
	static Instant anInstant(Random random) {
		return Instant.ofEpochSecond(FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND)));
	}

}
