package app.rapport.commitment.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Loads the calendars bundled under {@code commitment/calendars/}, failing loudly on any problem in them. */
public final class ReadyMadeCalendars {

	static final String FOLDER = "/commitment/calendars/";

	static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW", "bg");

	private ReadyMadeCalendars() {
	}

	/** The calendars in the order of the {@code calendars} key; throws {@link IllegalStateException} on a bad file. */
	public static List<ReadyMadeCalendar> load() {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(open("ready-made.properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + FOLDER + "ready-made.properties", ex);
		}
		List<ReadyMadeCalendar> calendars = new ArrayList<>();
		for (String key : required(properties, "calendars").split(",")) {
			calendars.add(load(properties, key.strip()));
		}
		return List.copyOf(calendars);
	}

	private static ReadyMadeCalendar load(Properties properties, String key) {
		ZoneId zone;
		try {
			zone = ZoneId.of(required(properties, key + ".zone"));
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("Bad time zone for the ready-made calendar " + key, ex);
		}
		Map<String, String> names = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			names.put(language, required(properties, key + ".name." + language));
		}
		Map<DayOfWeek, List<WorkingPeriod>> weeklyHours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			String hours = properties.getProperty(key + ".hours." + day.name().toLowerCase(Locale.ROOT));
			try {
				weeklyHours.put(day, WorkingPeriod.parseList(hours));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Bad hours on " + day + " for the ready-made calendar " + key, ex);
			}
		}
		String file = key + ".ics";
		IcsImport imported;
		try (InputStream in = open(file)) {
			imported = IcsFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + FOLDER + file, ex);
		}
		if (imported.hasProblems()) {
			throw new IllegalStateException("The bundled calendar " + FOLDER + file + " has problems: " + imported.problems());
		}
		if (!zone.getId().equals(imported.timeZone())) {
			throw new IllegalStateException(
					FOLDER + file + " declares the time zone " + imported.timeZone() + " but the properties say " + zone);
		}
		ReadyMadeCalendar calendar = new ReadyMadeCalendar(key, names, zone, weeklyHours, imported.days());
		// Refuses overlapping hours now rather than when an administrator first picks the calendar.
		calendar.toBusinessCalendar();
		return calendar;
	}

	private static String required(Properties properties, String name) {
		String value = properties.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("The ready-made calendars need " + name + " in " + FOLDER + "ready-made.properties");
		}
		return value.strip();
	}

	private static InputStream open(String file) {
		InputStream in = ReadyMadeCalendars.class.getResourceAsStream(FOLDER + file);
		if (in == null) {
			throw new IllegalStateException("Missing resource " + FOLDER + file);
		}
		return in;
	}

}
