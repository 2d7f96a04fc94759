package app.rapport.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.TimeZone;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats instants in the current user's time zone and language; used in templates as {@code @times}. */
@Component("times")
public class Times {

	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone())
			.format(instant);
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone())
			.format(instant);
	}

	/** ISO-8601 form for {@code <time datetime>} attributes. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	public ZoneId zone() {
		TimeZone tz = LocaleContextHolder.getTimeZone();
		return tz == null ? ZoneId.of("UTC") : tz.toZoneId();
	}

}
