package app.rapport.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The range of dates and instants Rapport accepts from outside: the years 1 to 9999 of ISO 8601 and of
 * SQL's DATE, which every database, format and calendar calculation here can hold. Values such as the
 * year 999,999,999 are refused as input instead of overflowing deep inside a calculation or a database.
 */
public final class TimeLimits {

	public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	public static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

	public static final Instant LAST_INSTANT = LAST_DAY.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);

	static final String DATE_REASON = "must be a date from " + FIRST_DAY + " to " + LAST_DAY;

	static final String INSTANT_REASON = "must be an instant from " + FIRST_INSTANT + " to " + LAST_INSTANT;

	private TimeLimits() {
	}

	public static boolean accepts(LocalDate date) {
		return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
	}

	public static boolean accepts(Instant instant) {
		return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
	}

	public static boolean accepts(LocalDateTime time) {
		return accepts(time.toLocalDate());
	}

	/** {@code date} itself; {@code null} stays {@code null}; outside the range: {@link InvalidInputException} naming {@code field}. */
	public static LocalDate check(String field, LocalDate date) {
		if (date != null && !accepts(date)) {
			throw new InvalidInputException(field, DATE_REASON);
		}
		return date;
	}

	/** {@code instant} itself; {@code null} stays {@code null}; outside the range: {@link InvalidInputException} naming {@code field}. */
	public static Instant check(String field, Instant instant) {
		if (instant != null && !accepts(instant)) {
			throw new InvalidInputException(field, INSTANT_REASON);
		}
		return instant;
	}

	/** {@code time} itself; {@code null} stays {@code null}; outside the range: {@link InvalidInputException} naming {@code field}. */
	public static LocalDateTime check(String field, LocalDateTime time) {
		if (time != null && !accepts(time)) {
			throw new InvalidInputException(field, DATE_REASON);
		}
		return time;
	}

	/** Why a value of {@code value}'s type is refused, or {@code null} when it is not a date or instant out of range. */
	public static String refusal(Object value) {
		if (value instanceof LocalDate d && !accepts(d) || value instanceof LocalDateTime t && !accepts(t)) {
			return DATE_REASON;
		}
		if (value instanceof Instant i && !accepts(i)) {
			return INSTANT_REASON;
		}
		if (value instanceof java.time.OffsetDateTime o && !accepts(o.toInstant())
				|| value instanceof java.time.ZonedDateTime z && !accepts(z.toInstant())) {
			return INSTANT_REASON;
		}
		return null;
	}

}
