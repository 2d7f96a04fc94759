package app.rapport.commitment.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.rapport.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the commitment pages share: durations as hours:minutes, the time-zone list, weekday names and the
 * translation of the services' English field errors into the reader's language.
 */
@Component
class CommitmentPages {

	/** The zones most of our customers use, offered first. */
	static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Taipei", "Asia/Hong_Kong", "Europe/Sofia",
			"Europe/London", "America/New_York");

	static final List<String> ZONES = Stream
		.concat(COMMON_ZONES.stream(),
				ZoneId.getAvailableZoneIds().stream().filter(z -> !COMMON_ZONES.contains(z)).sorted())
		.toList();

	private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,4}):([0-5]\\d)");

	private final MessageSource messages;

	CommitmentPages(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** Minutes as "h:mm" for a form field; {@code null} stays empty. */
	static String hoursMinutes(Integer minutes) {
		return minutes == null ? "" : minutes / 60 + ":" + String.format("%02d", minutes % 60);
	}

	/** Reads "h:mm"; blank is {@code null}; anything else throws {@link IllegalArgumentException}. */
	static Integer minutes(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Matcher m = HOURS_MINUTES.matcher(text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException(text);
		}
		return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
	}

	/** The weekday's name in the reader's language. */
	static String dayName(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
	}

	/**
	 * Weekly hours in short form, consecutive days with the same periods joined: "Mon–Fri 09:00–18:00".
	 * Days without periods are left out.
	 */
	static String weekSummary(Map<String, List<List<String>>> hours) {
		List<String> parts = new ArrayList<>();
		DayOfWeek[] days = DayOfWeek.values();
		int i = 0;
		while (i < days.length) {
			List<List<String>> periods = hours.getOrDefault(days[i].name(), List.of());
			int j = i;
			while (j + 1 < days.length && hours.getOrDefault(days[j + 1].name(), List.of()).equals(periods)) {
				j++;
			}
			if (!periods.isEmpty()) {
				String from = days[i].getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale());
				String to = days[j].getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale());
				parts.add((i == j ? from : from + "–" + to) + " " + periods(periods));
			}
			i = j + 1;
		}
		return String.join(" · ", parts);
	}

	static String periods(List<List<String>> periods) {
		return String.join(", ", periods.stream().map(p -> p.get(0) + "–" + p.get(1)).toList());
	}

	/** Total working minutes of a week's standard hours (a period ending at or before its start runs past midnight). */
	static long weeklyMinutes(Map<String, List<List<String>>> hours) {
		long total = 0;
		for (List<List<String>> periods : hours.values()) {
			for (List<String> p : periods) {
				int start = toMinutes(p.get(0));
				int end = toMinutes(p.get(1));
				total += end > start ? end - start : 24 * 60 - start + end;
			}
		}
		return total;
	}

	private static int toMinutes(String hhmm) {
		String[] parts = hhmm.split(":");
		return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
	}

	/**
	 * The services explain bad input in English for the API; pages show the message key for the field
	 * instead. {@code keys} maps a field name or prefix (before '.' or '[') to a message key; the rest get
	 * a generic message.
	 */
	Map<String, String> localize(InvalidInputException ex, Map<String, String> keys) {
		Map<String, String> result = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, reason) -> {
			String key = reason != null && reason.startsWith("another ") && reason.contains(" is called")
					? "commitments.error.nameTaken" : keys.get(field);
			if (key == null) {
				String prefix = field.replaceAll("\\[\\d+\\]", "[]");
				key = keys.get(prefix);
			}
			if (key == null && field.endsWith("Minutes")) {
				key = "commitments.error.duration";
			}
			result.put(field, text(key == null ? "commitments.error.invalid" : key));
		});
		return result;
	}

}
