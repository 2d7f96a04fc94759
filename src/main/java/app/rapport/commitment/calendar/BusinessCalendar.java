package app.rapport.commitment.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working time in one time zone: weekly hours with holidays and moved working days; immutable and thread-safe.
 */
public final class BusinessCalendar {

	/** How far {@link #plus} looks for working time before it gives up. */
	static final int HORIZON_DAYS = 20 * 366;

	private static final int CACHED_DATES = 8192;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final Duration LARGEST_STEP = Duration.ofDays(100 * 365);

	private final ZoneId zone;

	private final ZoneRules rules;

	private final Map<DayOfWeek, List<WorkingPeriod>> weeklyHours;

	private final List<CalendarDay> days;

	private final Map<LocalDate, CalendarDay> dayByDate;

	private final long[] exceptionEpochDays;

	private final List<WorkingPeriod> standardDay;

	private final Duration weeklyWorkingTime;

	private final long weeklySeconds;

	/**
	 * Whole weeks can only be skipped with the nominal weekly total when no period crossing midnight overlaps the next
	 * day's hours; otherwise the merged time is shorter than the sum.
	 */
	private final boolean weeksAddUp;

	/** Per local epoch day, in epoch seconds: the start of the day, then its working intervals as start, end, ... */
	private final Map<Long, long[]> intervalsByDay = new ConcurrentHashMap<>();

	private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> weeklyHours, List<CalendarDay> days) {
		this.zone = zone;
		this.rules = zone.getRules();
		this.weeklyHours = weeklyHours;
		this.days = days;
		this.dayByDate = new HashMap<>();
		this.exceptionEpochDays = new long[days.size()];
		for (int i = 0; i < days.size(); i++) {
			this.dayByDate.put(days.get(i).date(), days.get(i));
			this.exceptionEpochDays[i] = days.get(i).date().toEpochDay();
		}
		this.standardDay = Arrays.stream(DayOfWeek.values())
			.map(weeklyHours::get)
			.filter(periods -> !periods.isEmpty())
			.findFirst()
			.orElse(List.of());
		this.weeklyWorkingTime = weeklyHours.values()
			.stream()
			.flatMap(List::stream)
			.map(WorkingPeriod::length)
			.reduce(Duration.ZERO, Duration::plus);
		this.weeklySeconds = weeklyWorkingTime.getSeconds();
		this.weeksAddUp = Arrays.stream(DayOfWeek.values()).allMatch(day -> {
			long spillsUntil = weeklyHours.get(day)
				.stream()
				.filter(WorkingPeriod::crossesMidnight)
				.mapToLong(period -> period.endMinute() - 24 * 60)
				.max()
				.orElse(0);
			return weeklyHours.get(day.plus(1)).stream().allMatch(next -> next.startMinute() >= spillsUntil);
		});
	}

	/**
	 * Builds a calendar; refuses overlapping periods within a day and dates given twice with
	 * {@link IllegalArgumentException}. Days missing from {@code weeklyHours} have no working time.
	 */
	public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> weeklyHours,
			Collection<CalendarDay> days) {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(weeklyHours, "weeklyHours");
		Objects.requireNonNull(days, "days");
		Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			List<WorkingPeriod> periods = weeklyHours.get(day);
			weekly.put(day, WorkingPeriod.sortedWithoutOverlaps(periods == null ? List.of() : periods, day.toString()));
		}
		List<CalendarDay> sorted = new ArrayList<>(days);
		sorted.forEach(day -> Objects.requireNonNull(day, "calendar day"));
		sorted.sort(Comparator.comparing(CalendarDay::date));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
				throw new IllegalArgumentException("The date " + sorted.get(i).date() + " is given twice");
			}
		}
		return new BusinessCalendar(zone, Collections.unmodifiableMap(weekly), List.copyOf(sorted));
	}

	public ZoneId zone() {
		return zone;
	}

	/** All seven days, those without working time mapped to an empty list. */
	public Map<DayOfWeek, List<WorkingPeriod>> weeklyHours() {
		return weeklyHours;
	}

	/** The holidays and moved working days, sorted by date. */
	public List<CalendarDay> days() {
		return days;
	}

	/** The hours of a working day that gives none of its own: those of the first weekday, Monday first, with any. */
	public List<WorkingPeriod> standardDay() {
		return standardDay;
	}

	/** The nominal working time of a week without holidays or daylight-saving switches. */
	public Duration weeklyWorkingTime() {
		return weeklyWorkingTime;
	}

	/**
	 * The instant at which {@code businessTime} of working time has passed since {@code from}; landing on the end of a
	 * working interval returns that end. Throws {@link IllegalStateException} when no working time lies ahead.
	 */
	public Instant plus(Instant from, Duration businessTime) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(businessTime, "businessTime");
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("Business time cannot be negative: " + businessTime);
		}
		if (businessTime.isZero()) {
			return from;
		}
		if (businessTime.compareTo(LARGEST_STEP) > 0) {
			// Nanoseconds in a long last 292 years; longer spans are added in steps.
			return plus(plus(from, LARGEST_STEP), businessTime.minus(LARGEST_STEP));
		}
		long remaining = businessTime.toNanos();
		long positionSecond = from.getEpochSecond();
		long positionNano = from.getNano();
		long firstDay = localEpochDay(from) - 1;
		long lastWorkingDay = firstDay + 1;
		long transitionDay = Long.MIN_VALUE;
		for (long day = firstDay;; day++) {
			if (day - lastWorkingDay > HORIZON_DAYS) {
				throw new IllegalStateException("The calendar has no working time within " + HORIZON_DAYS / 366
						+ " years after " + LocalDate.ofEpochDay(lastWorkingDay));
			}
			if (day > firstDay) {
				if (transitionDay < day - 2) {
					transitionDay = transitionDayAfter(day - 2);
				}
				long weeks = skippableWeeks(day, positionSecond, positionNano, transitionDay);
				if (weeks > 0 && weeklySeconds > 0) {
					// Strictly less than what remains, so the result never falls inside a skipped week.
					weeks = Math.min(weeks, (remaining - 1) / (weeklySeconds * NANOS_PER_SECOND));
				}
				if (weeks == Long.MAX_VALUE) {
					throw new IllegalStateException(
							"The calendar has no working time after " + LocalDate.ofEpochDay(lastWorkingDay));
				}
				if (weeks > 0) {
					remaining -= weeks * weeklySeconds * NANOS_PER_SECOND;
					day += 7 * weeks;
					positionSecond = dayStart(day);
					positionNano = 0;
					if (weeklySeconds > 0) {
						lastWorkingDay = day;
					}
					day--;
					continue;
				}
			}
			long[] intervals = intervalsOn(day);
			for (int i = 1; i < intervals.length; i += 2) {
				long end = intervals[i + 1];
				if (positionSecond >= end) {
					continue;
				}
				if (positionSecond < intervals[i]) {
					positionSecond = intervals[i];
					positionNano = 0;
				}
				long available = (end - positionSecond) * NANOS_PER_SECOND - positionNano;
				if (remaining <= available) {
					return Instant.ofEpochSecond(positionSecond, positionNano + remaining);
				}
				remaining -= available;
				positionSecond = end;
				positionNano = 0;
				lastWorkingDay = day;
			}
		}
	}

	/** {@link #plus(Instant, Duration)} in minutes. */
	public Instant plusMinutes(Instant from, long minutes) {
		return plus(from, Duration.ofMinutes(minutes));
	}

	/** The working time in [from, to); zero when {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		long positionSecond = from.getEpochSecond();
		int positionNano = from.getNano();
		long firstDay = localEpochDay(from) - 1;
		long lastDay = localEpochDay(to);
		long transitionDay = Long.MIN_VALUE;
		for (long day = firstDay; day <= lastDay; day++) {
			if (day > firstDay) {
				if (transitionDay < day - 2) {
					transitionDay = transitionDayAfter(day - 2);
				}
				// The skipped weeks, spills past midnight included, must end before the day of `to`.
				long weeks = Math.min(skippableWeeks(day, positionSecond, positionNano, transitionDay),
						(lastDay - day - 2) / 7);
				if (weeks > 0) {
					total = total.plus(weeklyWorkingTime.multipliedBy(weeks));
					day += 7 * weeks;
					positionSecond = dayStart(day);
					positionNano = 0;
					day--;
					continue;
				}
			}
			long[] intervals = intervalsOn(day);
			for (int i = 1; i < intervals.length; i += 2) {
				long end = intervals[i + 1];
				if (positionSecond >= end) {
					continue;
				}
				if (positionSecond < intervals[i]) {
					positionSecond = intervals[i];
					positionNano = 0;
				}
				Instant start = Instant.ofEpochSecond(positionSecond, positionNano);
				if (!start.isBefore(to)) {
					continue;
				}
				Instant stop = to.getEpochSecond() < end ? to : Instant.ofEpochSecond(end);
				total = total.plus(Duration.between(start, stop));
				positionSecond = end;
				positionNano = 0;
			}
		}
		return total;
	}

	/** Whole minutes, rounded down, of {@link #between}. */
	public long minutesBetween(Instant from, Instant to) {
		return between(from, to).toMinutes();
	}

	public boolean isWorkingAt(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		long second = instant.getEpochSecond();
		long day = localEpochDay(instant);
		return contains(intervalsOn(day - 1), second) || contains(intervalsOn(day), second);
	}

	/** The merged working intervals that start on the given dates, in order. */
	public List<Interval> workingIntervals(LocalDate fromInclusive, LocalDate toExclusive) {
		List<Interval> merged = new ArrayList<>();
		long mergedStart = 0;
		long mergedEnd = Long.MIN_VALUE;
		for (long day = fromInclusive.toEpochDay(); day < toExclusive.toEpochDay(); day++) {
			long[] intervals = intervalsOn(day);
			for (int i = 1; i < intervals.length; i += 2) {
				if (intervals[i] <= mergedEnd) {
					mergedEnd = Math.max(mergedEnd, intervals[i + 1]);
					continue;
				}
				if (mergedEnd != Long.MIN_VALUE) {
					merged.add(new Interval(Instant.ofEpochSecond(mergedStart), Instant.ofEpochSecond(mergedEnd)));
				}
				mergedStart = intervals[i];
				mergedEnd = intervals[i + 1];
			}
		}
		if (mergedEnd != Long.MIN_VALUE) {
			merged.add(new Interval(Instant.ofEpochSecond(mergedStart), Instant.ofEpochSecond(mergedEnd)));
		}
		return merged;
	}

	/**
	 * How many whole weeks from {@code day} on can be counted with the weekly total instead of walked:
	 * {@link Long#MAX_VALUE} when no working time will ever come.
	 */
	private long skippableWeeks(long day, long positionSecond, long positionNano, long transitionDay) {
		if (!weeksAddUp) {
			return 0;
		}
		// Nothing of the block may be consumed yet: the position is at or before the day's first working time.
		long[] intervals = intervalsOn(day);
		long blockStart = intervals[intervals.length > 1 ? 1 : 0];
		if (positionSecond > blockStart || positionSecond == blockStart && positionNano > 0) {
			return 0;
		}
		long nextException = nextExceptionFrom(day - 1);
		long weeks = nextException == Long.MAX_VALUE ? Long.MAX_VALUE : (nextException - day - 1) / 7;
		if (!weeklyWorkingTime.isZero() && transitionDay != Long.MAX_VALUE) {
			// A daylight-saving switch changes the real length of the periods around it.
			weeks = Math.min(weeks, (transitionDay - day - 3) / 7);
		}
		return Math.max(0, weeks);
	}

	private long nextExceptionFrom(long epochDay) {
		int index = Arrays.binarySearch(exceptionEpochDays, epochDay);
		if (index < 0) {
			index = -index - 1;
		}
		return index < exceptionEpochDays.length ? exceptionEpochDays[index] : Long.MAX_VALUE;
	}

	/** The UTC epoch day of the first offset change after the start of the given UTC epoch day. */
	private long transitionDayAfter(long utcEpochDay) {
		ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(utcEpochDay * 86_400));
		return transition == null ? Long.MAX_VALUE : Math.floorDiv(transition.toEpochSecond(), 86_400);
	}

	private static boolean contains(long[] intervals, long second) {
		for (int i = 1; i < intervals.length; i += 2) {
			if (intervals[i] <= second && second < intervals[i + 1]) {
				return true;
			}
		}
		return false;
	}

	private long localEpochDay(Instant instant) {
		long localSecond = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
		return Math.floorDiv(localSecond, 86_400);
	}

	private long dayStart(long epochDay) {
		return intervalsOn(epochDay)[0];
	}

	private long[] intervalsOn(long epochDay) {
		long[] intervals = intervalsByDay.get(epochDay);
		if (intervals == null) {
			if (intervalsByDay.size() >= CACHED_DATES) {
				// Recomputing is cheap; a bound keeps a long-running server's memory flat.
				intervalsByDay.clear();
			}
			intervals = computeIntervals(LocalDate.ofEpochDay(epochDay));
			intervalsByDay.put(epochDay, intervals);
		}
		return intervals;
	}

	private List<WorkingPeriod> periodsOn(LocalDate date) {
		CalendarDay exception = dayByDate.get(date);
		if (exception == null) {
			return weeklyHours.get(date.getDayOfWeek());
		}
		if (exception.kind() == DayKind.HOLIDAY) {
			return List.of();
		}
		return exception.periods().isEmpty() ? standardDay : exception.periods();
	}

	private long[] computeIntervals(LocalDate date) {
		List<WorkingPeriod> periods = periodsOn(date);
		List<long[]> raw = new ArrayList<>(periods.size());
		for (WorkingPeriod period : periods) {
			// A start in a gap moves forward and one in an overlap takes the earlier offset (Java's default);
			// an end in an overlap takes the later one, so the whole repeated hour is worked.
			long start = ZonedDateTime.of(date, period.start(), zone).toEpochSecond();
			LocalDate endDate = period.crossesMidnight() ? date.plusDays(1) : date;
			long end = ZonedDateTime.of(endDate, period.end(), zone).withLaterOffsetAtOverlap().toEpochSecond();
			if (end > start) {
				raw.add(new long[] { start, end });
			}
		}
		raw.sort(Comparator.comparingLong(interval -> interval[0]));
		long[] merged = new long[1 + raw.size() * 2];
		merged[0] = date.atStartOfDay(zone).toEpochSecond();
		int size = 1;
		for (long[] interval : raw) {
			if (size > 1 && interval[0] <= merged[size - 1]) {
				merged[size - 1] = Math.max(merged[size - 1], interval[1]);
			}
			else {
				merged[size++] = interval[0];
				merged[size++] = interval[1];
			}
		}
		return size == merged.length ? merged : Arrays.copyOf(merged, size);
	}

	@Override
	public String toString() {
		return "BusinessCalendar[" + zone + ", " + weeklyHours + ", " + days.size() + " days]";
	}

}
