package app.rapport.commitment;

import java.util.List;
import java.util.Map;

/** A calendar to create or the new state of one: name, time zone, working periods per weekday ("09:00","12:00"). */
public record CalendarInput(String name, String timeZone, Map<String, List<List<String>>> workingHours, Long version) {
}
