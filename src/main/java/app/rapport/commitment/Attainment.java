package app.rapport.commitment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.TimeLimits;
import app.rapport.ticket.Priority;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attainment: the share of commitments kept, by plan, priority, group, agent or commitment and by day,
 * week or month; and the breaches per reason, largest first, for the Pareto chart. A commitment counts on
 * the day it was met or breached, in its plan calendar's zone.
 */
@Service
@Transactional(readOnly = true)
public class Attainment {

	/** What the rows are split by. */
	public enum Dimension {

		PLAN, PRIORITY, GROUP, AGENT, COMMITMENT, ALL;

		public static Dimension parse(String value) {
			return parseEnum(Dimension.class, value, "by");
		}

	}

	/** The length of a reporting period. */
	public enum Period {

		DAY, WEEK, MONTH;

		public static Period parse(String value) {
			return parseEnum(Period.class, value, "period");
		}

		/** The first day of the period containing {@code date} (weeks start on Monday, ISO). */
		LocalDate start(LocalDate date) {
			return switch (this) {
				case DAY -> date;
				case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> date.withDayOfMonth(1);
			};
		}

		String label(LocalDate start) {
			return switch (this) {
				case DAY -> start.toString();
				case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
						+ String.format(Locale.ROOT, "%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
				case MONTH -> start.toString().substring(0, 7);
			};
		}

	}

	/** One row: a period and a value of the dimension, with the commitments met and breached. */
	public record Row(String period, LocalDate periodStart, String key, String label, long met, long breached) {

		public long total() {
			return met + breached;
		}

		/** Share met, 0–100, one decimal; 100 when nothing was due. */
		public double percentMet() {
			return total() == 0 ? 100.0 : Math.round(met * 1000.0 / total()) / 10.0;
		}

	}

	/** One bar of the Pareto chart: a reason (or "unexplained"), its count, its share and the running share. */
	public record ParetoBar(String reasonKey, String label, long count, double percent, double cumulativePercent) {
	}

	static final int MAX_DAYS = 3 * 366;

	private final CommitmentClockRepository clocks;

	private final BreachRepository breaches;

	private final BreachReasonRepository reasons;

	private final ServicePlanRepository plans;

	private final UserDirectory users;

	Attainment(CommitmentClockRepository clocks, BreachRepository breaches, BreachReasonRepository reasons,
			ServicePlanRepository plans, UserDirectory users) {
		this.clocks = clocks;
		this.breaches = breaches;
		this.reasons = reasons;
		this.plans = plans;
		this.users = users;
	}

	public List<Row> rows(Dimension by, Period period, LocalDate from, LocalDate to) {
		checkRange(from, to);
		record Key(LocalDate start, String value) {
		}
		Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::start).thenComparing(Key::value));
		Set<Long> userIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		for (Object[] r : clocks.settledCounts(from, to)) {
			LocalDate day = (LocalDate) r[0];
			String value = switch (by) {
				case PLAN -> String.valueOf(r[1]);
				case PRIORITY -> ((Priority) r[2]).name();
				case GROUP -> String.valueOf(r[3]);
				case AGENT -> r[4] == null ? "" : String.valueOf(r[4]);
				case COMMITMENT -> ((Commitment) r[5]).key();
				case ALL -> "all";
			};
			if (by == Dimension.AGENT && r[4] != null) {
				userIds.add((Long) r[4]);
			}
			if (by == Dimension.GROUP) {
				groupIds.add((Long) r[3]);
			}
			long[] metBreached = counts.computeIfAbsent(new Key(period.start(day), value), k -> new long[2]);
			metBreached[r[6] == ClockState.MET ? 0 : 1] += ((Number) r[7]).longValue();
		}
		Map<String, String> labels = labels(by, userIds, groupIds);
		List<Row> rows = new ArrayList<>();
		counts.forEach((key, mb) -> rows.add(new Row(period.label(key.start()), key.start(), key.value(),
				labels.getOrDefault(key.value(), key.value()), mb[0], mb[1])));
		return rows;
	}

	/** Breaches detected from {@code from} to {@code to} (whole days in {@code zone}) per reason, largest first. */
	public List<ParetoBar> pareto(LocalDate from, LocalDate to, ZoneId zone, String language) {
		checkRange(from, to);
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Map<String, String> names = new LinkedHashMap<>();
		reasons.findAll().forEach(r -> names.put(r.key, r.name(language)));
		List<Object[]> counts = new ArrayList<>(breaches.countByReason(start, end));
		counts.sort((a, b) -> Long.compare(((Number) b[1]).longValue(), ((Number) a[1]).longValue()));
		long total = counts.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
		List<ParetoBar> bars = new ArrayList<>();
		long running = 0;
		for (Object[] r : counts) {
			String key = (String) r[0];
			long count = ((Number) r[1]).longValue();
			running += count;
			bars.add(new ParetoBar(key, key == null ? null : names.getOrDefault(key, key), count,
					Math.round(count * 1000.0 / total) / 10.0, Math.round(running * 1000.0 / total) / 10.0));
		}
		return bars;
	}

	private Map<String, String> labels(Dimension by, Set<Long> userIds, Set<Long> groupIds) {
		Map<String, String> labels = new LinkedHashMap<>();
		switch (by) {
			case PLAN -> plans.findAll().forEach(p -> labels.put(String.valueOf(p.id), p.name));
			case AGENT -> {
				for (Map.Entry<Long, UserSummary> e : users.users(userIds).entrySet()) {
					labels.put(String.valueOf(e.getKey()), e.getValue().displayName());
				}
			}
			case GROUP -> {
				for (Map.Entry<Long, GroupSummary> e : users.groups(groupIds).entrySet()) {
					labels.put(String.valueOf(e.getKey()), e.getValue().name());
				}
			}
			default -> {
			}
		}
		return labels;
	}

	private static void checkRange(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw new InvalidInputException("from", "give both from and to (yyyy-mm-dd)");
		}
		TimeLimits.check("from", from);
		TimeLimits.check("to", to);
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInputException("to", "a report covers at most three years");
		}
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "must be one of "
					+ List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
		}
	}

}
