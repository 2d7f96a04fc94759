package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The ready-made calendars")
class ReadyMadeCalendarsTests {

	static final Map<String, ReadyMadeCalendar> CALENDARS = ReadyMadeCalendars.load()
		.stream()
		.collect(Collectors.toMap(ReadyMadeCalendar::key, Function.identity()));

	static DayKind kindOn(String key, String date) {
		return CALENDARS.get(key)
			.days()
			.stream()
			.filter(day -> day.date().equals(LocalDate.parse(date)))
			.map(CalendarDay::kind)
			.findFirst()
			.orElse(null);
	}

	static Instant at(String key, String localDateTime) {
		return CalendarFixtures.at(localDateTime, CALENDARS.get(key).zone());
	}

	@Test
	void loadAllThreeWithZonesHoursAndNamesInFourLanguages() {
		assertThat(ReadyMadeCalendars.load()).extracting(ReadyMadeCalendar::key).containsExactly("cn-mainland", "tw", "bg");
		assertThat(CALENDARS.get("cn-mainland").zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(CALENDARS.get("tw").zone()).isEqualTo(ZoneId.of("Asia/Taipei"));
		assertThat(CALENDARS.get("bg").zone()).isEqualTo(ZoneId.of("Europe/Sofia"));
		assertThat(CALENDARS.get("cn-mainland").weeklyHours().get(DayOfWeek.MONDAY)).hasToString("[09:00-12:00, 13:00-18:00]");
		assertThat(CALENDARS.get("bg").weeklyHours().get(DayOfWeek.FRIDAY)).hasToString("[09:00-13:00, 14:00-18:00]");
		assertThat(CALENDARS.get("bg").weeklyHours().get(DayOfWeek.SATURDAY)).isEmpty();
		for (ReadyMadeCalendar calendar : CALENDARS.values()) {
			assertThat(calendar.names()).containsOnlyKeys("en", "zh-CN", "zh-TW", "bg");
			assertThat(calendar.toBusinessCalendar().weeklyWorkingTime()).isEqualTo(Duration.ofHours(40));
			assertThat(calendar.days()).extracting(day -> day.date().getYear()).contains(2026, 2027).containsOnly(2026, 2027);
		}
		assertThat(CALENDARS.get("tw").name("zh-TW")).isEqualTo("臺灣");
		assertThat(CALENDARS.get("bg").name("bg")).isEqualTo("България");
		assertThat(CALENDARS.get("cn-mainland").name("fr")).isEqualTo("Mainland China");
	}

	@Test
	void bundleFilesWithoutProblemsThatRoundTrip() {
		for (ReadyMadeCalendar calendar : CALENDARS.values()) {
			String written = IcsFormat.write(calendar.name("en"), calendar.zone(), calendar.days(), Instant.EPOCH);

			assertThat(IcsFormat.read(written).problems()).isEmpty();
			assertThat(IcsFormat.read(written).days()).isEqualTo(calendar.days());
		}
	}

	@Test
	void workMainlandChinasMovedSaturdaysAroundTheSpringFestival() {
		BusinessCalendar china = CALENDARS.get("cn-mainland").toBusinessCalendar();

		assertThat(kindOn("cn-mainland", "2026-02-14")).isEqualTo(DayKind.WORKING_DAY);
		assertThat(kindOn("cn-mainland", "2026-02-28")).isEqualTo(DayKind.WORKING_DAY);
		assertThat(kindOn("cn-mainland", "2026-02-23")).isEqualTo(DayKind.HOLIDAY);
		assertThat(china.plusMinutes(at("cn-mainland", "2026-02-13T17:00"), 120)).isEqualTo(at("cn-mainland", "2026-02-14T10:00"));
		assertThat(china.plusMinutes(at("cn-mainland", "2026-02-14T17:00"), 120)).isEqualTo(at("cn-mainland", "2026-02-24T10:00"));
		assertThat(china.plusMinutes(at("cn-mainland", "2026-02-27T17:00"), 120)).isEqualTo(at("cn-mainland", "2026-02-28T10:00"));
		assertThat(china.between(at("cn-mainland", "2026-02-01T00:00"), at("cn-mainland", "2026-03-01T00:00")))
			.isEqualTo(Duration.ofHours(8 * (20 - 6 + 2)));
	}

	@Test
	void giveTaiwanTeachersDayAndRetrocessionDayMovedFromSunday() {
		BusinessCalendar taiwan = CALENDARS.get("tw").toBusinessCalendar();

		assertThat(kindOn("tw", "2026-09-28")).isEqualTo(DayKind.HOLIDAY);
		assertThat(taiwan.isWorkingAt(at("tw", "2026-09-28T10:00"))).isFalse();
		assertThat(kindOn("tw", "2026-10-26")).isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("tw", "2026-12-25")).isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("tw", "2026-02-15")).as("the day before Lunar New Year's Eve").isEqualTo(DayKind.HOLIDAY);
		assertThat(taiwan.plusMinutes(at("tw", "2026-09-24T17:00"), 120)).isEqualTo(at("tw", "2026-09-29T10:00"));
	}

	@Test
	void giveBulgariaEasterMondayAndHolidaysMovedFromTheWeekend() {
		BusinessCalendar bulgaria = CALENDARS.get("bg").toBusinessCalendar();

		assertThat(kindOn("bg", "2026-04-13")).isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("bg", "2026-03-03")).isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("bg", "2026-05-25")).as("24 May is a Sunday").isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("bg", "2026-12-28")).as("26 December is a Saturday").isEqualTo(DayKind.HOLIDAY);
		assertThat(kindOn("bg", "2027-05-04")).as("1 May 2027 is Holy Saturday").isEqualTo(DayKind.HOLIDAY);
		assertThat(bulgaria.plusMinutes(at("bg", "2026-05-22T17:00"), 120)).isEqualTo(at("bg", "2026-05-26T10:00"));
		assertThat(bulgaria.plusMinutes(at("bg", "2026-04-09T17:00"), 120)).isEqualTo(at("bg", "2026-04-14T10:00"));
	}

	@Test
	void listTheirDaysInDateOrder() {
		for (ReadyMadeCalendar calendar : CALENDARS.values()) {
			List<LocalDate> dates = calendar.days().stream().map(CalendarDay::date).toList();
			assertThat(dates).isSorted().doesNotHaveDuplicates();
		}
	}

}
