package app.rapport.commitment.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.CalendarInput;
import app.rapport.commitment.CalendarView;

/**
 * The calendar form: name, zone and up to {@link #PERIODS} periods per weekday, bound as
 * {@code start[MONDAY0]} / {@code end[MONDAY0]}.
 */
public class CalendarForm {

	static final int PERIODS = 3;

	private String name;

	private String timeZone = "Asia/Shanghai";

	private Long version;

	private Map<String, String> start = new HashMap<>();

	private Map<String, String> end = new HashMap<>();

	static CalendarForm of(CalendarView view) {
		CalendarForm form = new CalendarForm();
		form.name = view.name();
		form.timeZone = view.timeZone();
		form.version = view.version();
		view.workingHours().forEach((day, periods) -> {
			for (int i = 0; i < periods.size() && i < PERIODS; i++) {
				form.start.put(day + i, periods.get(i).get(0));
				form.end.put(day + i, periods.get(i).get(1));
			}
		});
		return form;
	}

	/** Office hours Monday to Friday, for a new calendar. */
	static CalendarForm officeHours() {
		CalendarForm form = new CalendarForm();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			form.start.put(day.name() + 0, "09:00");
			form.end.put(day.name() + 0, "18:00");
		}
		return form;
	}

	/**
	 * The input for the service; a period with only one end filled in becomes a field error in
	 * {@code errors} (keyed {@code workingHours.MONDAY}).
	 */
	CalendarInput toInput(Map<String, String> errors, String incompleteMessage) {
		Map<String, List<List<String>>> hours = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<List<String>> periods = new ArrayList<>();
			for (int i = 0; i < PERIODS; i++) {
				String s = blankToNull(start.get(day.name() + i));
				String e = blankToNull(end.get(day.name() + i));
				if (s == null && e == null) {
					continue;
				}
				if (s == null || e == null) {
					errors.put("workingHours." + day.name(), incompleteMessage);
					continue;
				}
				periods.add(List.of(s, e));
			}
			hours.put(day.name(), periods);
		}
		return new CalendarInput(name, timeZone, hours, version);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public Map<String, String> getStart() {
		return start;
	}

	public void setStart(Map<String, String> start) {
		this.start = start;
	}

	public Map<String, String> getEnd() {
		return end;
	}

	public void setEnd(Map<String, String> end) {
		this.end = end;
	}

}
