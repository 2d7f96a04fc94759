package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static app.rapport.commitment.calendar.CalendarFixtures.SHANGHAI;
import static app.rapport.commitment.calendar.CalendarFixtures.SOFIA;
import static app.rapport.commitment.calendar.CalendarFixtures.holiday;
import static app.rapport.commitment.calendar.CalendarFixtures.holidays;
import static app.rapport.commitment.calendar.CalendarFixtures.workingDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@DisplayName("A business calendar")
class BusinessCalendarTests {

	static Instant shanghai(String localDateTime) {
		return CalendarFixtures.at(localDateTime, SHANGHAI);
	}

	static Instant sofia(String localDateTime) {
		return CalendarFixtures.at(localDateTime, SOFIA);
	}

	@Nested
	@DisplayName("with office hours and a lunch break (Monday 2026-03-02 onwards)")
	class OfficeHours {

		final BusinessCalendar office = CalendarFixtures.shanghaiOffice();

		@Test
		void addsTimeInsideOnePeriod() {
			assertThat(office.plus(shanghai("2026-03-02T09:30"), Duration.ofHours(2))).isEqualTo(shanghai("2026-03-02T11:30"));
		}

		@Test
		void skipsTheLunchBreak() {
			assertThat(office.plusMinutes(shanghai("2026-03-02T11:00"), 120)).isEqualTo(shanghai("2026-03-02T14:00"));
			assertThat(office.between(shanghai("2026-03-02T11:00"), shanghai("2026-03-02T14:00"))).hasHours(2);
		}

		@Test
		void carriesOverTheNight() {
			assertThat(office.plusMinutes(shanghai("2026-03-02T17:00"), 120)).isEqualTo(shanghai("2026-03-03T10:00"));
		}

		@Test
		void carriesOverTheWeekend() {
			assertThat(office.plusMinutes(shanghai("2026-03-06T17:00"), 120)).isEqualTo(shanghai("2026-03-09T10:00"));
			assertThat(office.minutesBetween(shanghai("2026-03-06T17:00"), shanghai("2026-03-09T10:00"))).isEqualTo(120);
		}

		@Test
		void stopsAtTheEndOfAPeriodRatherThanTheNextStart() {
			assertThat(office.plusMinutes(shanghai("2026-03-02T09:00"), 180)).isEqualTo(shanghai("2026-03-02T12:00"));
			assertThat(office.plusMinutes(shanghai("2026-03-02T13:00"), 300)).isEqualTo(shanghai("2026-03-02T18:00"));
			assertThat(office.plusMinutes(shanghai("2026-03-06T09:00"), 480)).isEqualTo(shanghai("2026-03-06T18:00"));
		}

		@Test
		void startsCountingAtTheNextWorkingTime() {
			assertThat(office.plusMinutes(shanghai("2026-03-07T10:00"), 60)).isEqualTo(shanghai("2026-03-09T10:00"));
			assertThat(office.plusMinutes(shanghai("2026-03-02T07:00"), 30)).isEqualTo(shanghai("2026-03-02T09:30"));
			assertThat(office.plusMinutes(shanghai("2026-03-02T12:30"), 60)).isEqualTo(shanghai("2026-03-02T14:00"));
		}

		@Test
		void addingNothingStaysPutEvenOutsideWorkingTime() {
			Instant saturday = shanghai("2026-03-07T10:00");
			assertThat(office.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
		}

		@Test
		void refusesNegativeTime() {
			assertThatIllegalArgumentException().isThrownBy(() -> office.plusMinutes(shanghai("2026-03-02T10:00"), -1))
				.withMessageContaining("negative");
		}

		@Test
		void countsFourWeeksAsOneHundredAndSixtyHours() {
			assertThat(office.between(shanghai("2026-03-02T00:00"), shanghai("2026-03-30T00:00"))).hasHours(160);
			assertThat(office.plus(shanghai("2026-03-02T09:00"), Duration.ofHours(160)))
				.isEqualTo(shanghai("2026-03-27T18:00"));
		}

		@Test
		void countsNothingBackwardsOrOutsideWorkingTime() {
			assertThat(office.between(shanghai("2026-03-03T10:00"), shanghai("2026-03-02T10:00"))).isZero();
			assertThat(office.between(shanghai("2026-03-07T00:00"), shanghai("2026-03-09T09:00"))).isZero();
		}

		@Test
		void roundsMinutesDown() {
			assertThat(office.minutesBetween(shanghai("2026-03-02T09:00"), shanghai("2026-03-02T09:01:59"))).isEqualTo(1);
		}

		@Test
		void knowsWhenItIsWorking() {
			assertThat(office.isWorkingAt(shanghai("2026-03-02T09:00"))).isTrue();
			assertThat(office.isWorkingAt(shanghai("2026-03-02T11:59:59"))).isTrue();
			assertThat(office.isWorkingAt(shanghai("2026-03-02T12:00"))).isFalse();
			assertThat(office.isWorkingAt(shanghai("2026-03-07T10:00"))).isFalse();
		}

		@Test
		void describesItsWeek() {
			assertThat(office.weeklyWorkingTime()).hasHours(40);
			assertThat(office.standardDay()).hasToString("[09:00-12:00, 13:00-18:00]");
			assertThat(office.weeklyHours()).hasSize(7);
			assertThat(office.weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
			assertThat(office.zone()).isEqualTo(SHANGHAI);
		}

	}

	@Nested
	@DisplayName("with a night shift from 22:00 to 06:00, Monday to Friday nights")
	class NightShift {

		final BusinessCalendar nights = CalendarFixtures.nightShift();

		@Test
		void worksFridayNightIntoSaturdayMorning() {
			assertThat(nights.plusMinutes(shanghai("2026-03-06T23:00"), 240)).isEqualTo(shanghai("2026-03-07T03:00"));
			assertThat(nights.isWorkingAt(shanghai("2026-03-07T05:59"))).isTrue();
			assertThat(nights.isWorkingAt(shanghai("2026-03-07T06:00"))).isFalse();
			assertThat(nights.isWorkingAt(shanghai("2026-03-08T23:00"))).isFalse();
		}

		@Test
		void continuesOnMondayNight() {
			assertThat(nights.plusMinutes(shanghai("2026-03-06T23:00"), 8 * 60)).isEqualTo(shanghai("2026-03-09T23:00"));
			assertThat(nights.between(shanghai("2026-03-06T20:00"), shanghai("2026-03-09T23:00"))).hasHours(9);
		}

		@Test
		void addsWholeWeeksOfNights() {
			assertThat(nights.plus(shanghai("2026-03-02T12:00"), Duration.ofHours(80)))
				.isEqualTo(shanghai("2026-03-14T06:00"));
		}

		@Test
		void mergesANightThatRunsIntoTheNextMorning() {
			BusinessCalendar nightsAndMornings = BusinessCalendar.of(SHANGHAI,
					CalendarFixtures.weekdays("05:00-09:00,22:00-06:00"), List.of());

			assertThat(nightsAndMornings.workingIntervals(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04")))
				.containsExactly(new Interval(shanghai("2026-03-02T05:00"), shanghai("2026-03-02T09:00")),
						new Interval(shanghai("2026-03-02T22:00"), shanghai("2026-03-03T09:00")),
						new Interval(shanghai("2026-03-03T22:00"), shanghai("2026-03-04T06:00")));
			assertThat(nightsAndMornings.between(shanghai("2026-03-02T22:00"), shanghai("2026-03-03T09:00"))).hasHours(11);
			assertThat(nightsAndMornings.plusMinutes(shanghai("2026-03-02T22:00"), 11 * 60))
				.isEqualTo(shanghai("2026-03-03T09:00"));
		}

	}

	@Nested
	@DisplayName("around mainland China's Spring Festival 2026")
	class SpringFestival {

		final BusinessCalendar china = chinaFebruary2026();

		static BusinessCalendar chinaFebruary2026() {
			List<CalendarDay> days = new ArrayList<>(holidays("2026-02-15", "2026-02-23", "春节"));
			days.add(workingDay("2026-02-14"));
			days.add(workingDay("2026-02-28"));
			return CalendarFixtures.shanghaiOffice(days.toArray(CalendarDay[]::new));
		}

		@Test
		void worksTheMovedSaturdayBeforeTheFestival() {
			assertThat(china.plusMinutes(shanghai("2026-02-13T17:00"), 120)).isEqualTo(shanghai("2026-02-14T10:00"));
		}

		@Test
		void skipsTheWholeHolidayWeek() {
			assertThat(china.plusMinutes(shanghai("2026-02-14T17:00"), 120)).isEqualTo(shanghai("2026-02-24T10:00"));
			assertThat(china.between(shanghai("2026-02-13T09:00"), shanghai("2026-02-24T18:00"))).hasHours(24);
			assertThat(china.isWorkingAt(shanghai("2026-02-23T10:00"))).isFalse();
		}

		@Test
		void worksTheMovedSaturdayAfterTheFestival() {
			assertThat(china.plusMinutes(shanghai("2026-02-27T17:00"), 120)).isEqualTo(shanghai("2026-02-28T10:00"));
		}

		@Test
		void givesAWorkingDayItsOwnHoursWhenItHasThem() {
			BusinessCalendar halfDay = CalendarFixtures.shanghaiOffice(new CalendarDay(LocalDate.parse("2026-02-14"),
					DayKind.WORKING_DAY, "半天", WorkingPeriod.parseList("09:00-11:00")));

			assertThat(halfDay.plusMinutes(shanghai("2026-02-14T10:00"), 120)).isEqualTo(shanghai("2026-02-16T10:00"));
		}

	}

	@Nested
	@DisplayName("in Sofia")
	class Sofia {

		@Test
		void skipsLiberationDay() {
			BusinessCalendar bulgaria = CalendarFixtures.sofiaOffice(holiday("2026-03-03"));

			assertThat(bulgaria.plusMinutes(sofia("2026-03-02T17:00"), 120)).isEqualTo(sofia("2026-03-04T10:00"));
		}

		@Test
		void skipsOrthodoxEasterFromGoodFridayToEasterMonday() {
			BusinessCalendar bulgaria = CalendarFixtures
				.sofiaOffice(holidays("2026-04-10", "2026-04-13", "Великден").toArray(CalendarDay[]::new));

			assertThat(bulgaria.plusMinutes(sofia("2026-04-09T17:00"), 120)).isEqualTo(sofia("2026-04-14T10:00"));
		}

		@Test
		void worksFiveHoursBetweenMidnightAndSixWhenSpringSkipsAnHour() {
			BusinessCalendar sundays = CalendarFixtures.sofiaSundayNights();
			LocalDate switchDay = LocalDate.parse("2026-03-29");

			assertThat(sundays.workingIntervals(switchDay, switchDay.plusDays(1)))
				.containsExactly(new Interval(Instant.parse("2026-03-28T22:00:00Z"), Instant.parse("2026-03-29T03:00:00Z")));
			assertThat(sundays.between(sofia("2026-03-28T00:00"), sofia("2026-03-30T00:00"))).hasHours(5);
			assertThat(sundays.plusMinutes(sofia("2026-03-29T00:00"), 5 * 60)).isEqualTo(sofia("2026-03-29T06:00"));
		}

		@Test
		void worksSevenHoursBetweenMidnightAndSixWhenAutumnRepeatsAnHour() {
			BusinessCalendar sundays = CalendarFixtures.sofiaSundayNights();

			assertThat(sundays.between(sofia("2026-10-24T00:00"), sofia("2026-10-26T00:00"))).hasHours(7);
			assertThat(sundays.plusMinutes(sofia("2026-10-25T00:00"), 7 * 60))
				.isEqualTo(Instant.parse("2026-10-25T04:00:00Z"));
			assertThat(sundays.plusMinutes(sofia("2026-10-18T00:00"), 6 * 60 + 7 * 60 + 6 * 60))
				.isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
		}

		@Test
		void endsAPeriodInTheRepeatedHourAtTheLaterOffset() {
			BusinessCalendar untilHalfPastThree = BusinessCalendar.of(SOFIA,
					Map.of(DayOfWeek.SUNDAY, WorkingPeriod.parseList("00:00-03:30")), List.of());
			LocalDate switchDay = LocalDate.parse("2026-10-25");

			assertThat(untilHalfPastThree.workingIntervals(switchDay, switchDay.plusDays(1)).get(0).length())
				.isEqualTo(Duration.ofMinutes(270));
		}

		@Test
		void startsAPeriodInTheSkippedHourWhenTheClockResumesAndInTheRepeatedHourAtTheEarlierOffset() {
			BusinessCalendar fromHalfPastThree = BusinessCalendar.of(SOFIA,
					Map.of(DayOfWeek.SUNDAY, WorkingPeriod.parseList("03:30-05:00")), List.of());

			assertThat(fromHalfPastThree.workingIntervals(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30")))
				.containsExactly(new Interval(Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T02:00:00Z")));
			assertThat(fromHalfPastThree.workingIntervals(LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-26")))
				.containsExactly(new Interval(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T03:00:00Z")));
		}

		@Test
		void countsWeeksAcrossBothSwitchesLikeTheDayByDaySum() {
			BusinessCalendar aroundTheClock = CalendarFixtures.aroundTheClock();
			Duration year = aroundTheClock.between(sofia("2026-01-01T00:00"), sofia("2027-01-01T00:00"));

			assertThat(year).isEqualTo(Duration.ofDays(365));
			assertThat(aroundTheClock.plus(sofia("2026-01-01T00:00"), Duration.ofDays(365)))
				.isEqualTo(sofia("2027-01-01T00:00"));
			assertThat(aroundTheClock.between(sofia("2026-03-29T00:00"), sofia("2026-03-30T00:00"))).hasHours(23);
		}

		@Test
		void addsCenturiesInSteps() {
			Instant from = sofia("2026-01-01T00:00");
			Duration threeCenturies = Duration.ofDays(300 * 365);

			assertThat(CalendarFixtures.aroundTheClock().plus(from, threeCenturies)).isEqualTo(from.plus(threeCenturies));
		}

	}

	@Nested
	@DisplayName("without working time for weeks")
	class LongHolidays {

		@Test
		void findsTheFirstWorkingHourAfterAQuarterOfHolidays() {
			BusinessCalendar closed = CalendarFixtures
				.shanghaiOffice(holidays("2026-01-01", "2026-03-31", "closed").toArray(CalendarDay[]::new));

			assertThat(closed.plusMinutes(shanghai("2026-01-01T00:00"), 60)).isEqualTo(shanghai("2026-04-01T10:00"));
			assertThat(closed.between(shanghai("2026-01-01T00:00"), shanghai("2026-04-01T10:00"))).hasHours(1);
		}

		@Test
		void findsASingleWorkingDayInAnOtherwiseEmptyCalendar() {
			BusinessCalendar oneDay = BusinessCalendar.of(SHANGHAI, Map.of(), List.of(new CalendarDay(
					LocalDate.parse("2030-06-01"), DayKind.WORKING_DAY, "open day", WorkingPeriod.parseList("10:00-12:00"))));

			assertThat(oneDay.plusMinutes(shanghai("2026-01-01T00:00"), 90)).isEqualTo(shanghai("2030-06-01T11:30"));
			assertThatIllegalStateException().isThrownBy(() -> oneDay.plusMinutes(shanghai("2026-01-01T00:00"), 121))
				.withMessageContaining("no working time");
		}

		@Test
		void givesUpWhenThereIsNoWorkingTimeAtAll() {
			BusinessCalendar never = BusinessCalendar.of(SHANGHAI, Map.of(), List.of());

			assertThatIllegalStateException().isThrownBy(() -> never.plusMinutes(shanghai("2026-01-01T00:00"), 1))
				.withMessageContaining("no working time");
			assertThat(never.between(shanghai("2026-01-01T00:00"), shanghai("2046-01-01T00:00"))).isZero();
			assertThat(never.weeklyWorkingTime()).isZero();
			assertThat(never.standardDay()).isEmpty();
		}

		@Test
		void givesUpWhenTheOnlyWorkingTimeIsBeyondTheHorizon() {
			BusinessCalendar farAway = BusinessCalendar.of(SHANGHAI, Map.of(),
					List.of(CalendarDay.holiday(LocalDate.parse("2030-01-01"), null), new CalendarDay(
							LocalDate.parse("2060-01-01"), DayKind.WORKING_DAY, null, WorkingPeriod.parseList("09:00-10:00"))));

			assertThatIllegalStateException().isThrownBy(() -> farAway.plusMinutes(shanghai("2026-01-01T00:00"), 1));
		}

	}

	@Nested
	@DisplayName("when built")
	class Validation {

		@Test
		void refusesOverlappingPeriodsWithinADay() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> BusinessCalendar.of(SHANGHAI, CalendarFixtures.weekdays("09:00-12:00,11:00-13:00"),
						List.of()))
				.withMessageContaining("Overlapping working periods on MONDAY: 09:00-12:00 and 11:00-13:00");
		}

		@Test
		void refusesADateGivenTwice() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> CalendarFixtures.shanghaiOffice(holiday("2026-05-01"), workingDay("2026-05-01")))
				.withMessageContaining("2026-05-01 is given twice");
		}

		@Test
		void refusesAHolidayWithWorkingHours() {
			assertThatIllegalArgumentException().isThrownBy(() -> new CalendarDay(LocalDate.parse("2026-05-01"),
					DayKind.HOLIDAY, null, WorkingPeriod.parseList("09:00-12:00")));
		}

		@Test
		void sortsItsDays() {
			BusinessCalendar calendar = CalendarFixtures.shanghaiOffice(holiday("2026-05-01"), holiday("2026-01-01"));

			assertThat(calendar.days()).extracting(CalendarDay::date)
				.containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-05-01"));
		}

	}

}
