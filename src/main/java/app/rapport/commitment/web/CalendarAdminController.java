package app.rapport.commitment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.CalendarInput;
import app.rapport.commitment.CalendarView;
import app.rapport.commitment.Calendars;
import app.rapport.commitment.IcsReport;
import app.rapport.commitment.calendar.DayKind;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Business calendars for supervisors and admins: list, create and edit working hours, holidays and extra
 * working days, import and export iCalendar, and a "try it" form for the due-time arithmetic.
 */
@Controller
@RequestMapping("/commitments/calendars")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class CalendarAdminController {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private static final Map<String, String> ERROR_KEYS = Map.of("name", "commitments.error.name", "timeZone",
			"form.invalidTimeZone", "workingHours", "commitments.calendar.error.hours", "workingHours.MONDAY",
			"commitments.calendar.error.period", "date", "commitments.calendar.error.date", "hours",
			"commitments.calendar.error.period");

	private final Calendars calendars;

	private final CommitmentPages pages;

	CalendarAdminController(Calendars calendars, CommitmentPages pages) {
		this.calendars = calendars;
		this.pages = pages;
	}

	/** One calendar in the list, with what the list shows about it. */
	record Row(CalendarView calendar, String week, long holidays, long workingDays) {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("zones", CommitmentPages.ZONES);
		model.addAttribute("commonZones", CommitmentPages.COMMON_ZONES);
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("periodIndexes", List.of(0, 1, 2));
		model.addAttribute("dayKinds", DayKind.values());
		Map<DayOfWeek, String> names = new java.util.EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			names.put(day, CommitmentPages.dayName(day));
		}
		model.addAttribute("dayNames", names);
	}

	@GetMapping
	String list(Model model) {
		List<Row> rows = calendars.all()
			.stream()
			.map(c -> new Row(c, CommitmentPages.weekSummary(c.workingHours()),
					c.days().stream().filter(d -> d.kind().equals("holiday")).count(),
					c.days().stream().filter(d -> d.kind().equals("working_day")).count()))
			.toList();
		model.addAttribute("rows", rows);
		return "commitment/calendars";
	}

	@GetMapping("/new")
	String newCalendar(Model model) {
		return form(null, CalendarForm.officeHours(), Map.of(), model);
	}

	@PostMapping
	String create(@ModelAttribute("form") CalendarForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		CalendarInput input = form.toInput(errors, pages.text("commitments.calendar.error.incomplete"));
		if (!errors.isEmpty()) {
			return form(null, form, errors, model);
		}
		try {
			CalendarView created = calendars.create(input);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/commitments/calendars/" + created.id();
		}
		catch (InvalidInputException ex) {
			return form(null, form, errors(ex), model);
		}
	}

	/** The recompute's progress alone, polled by the edit page while it runs. */
	@GetMapping("/{id}/recompute")
	String recompute(@PathVariable long id, Model model) {
		CalendarView calendar = calendars.get(id);
		model.addAttribute("progress", calendar.recompute());
		model.addAttribute("url", "/commitments/calendars/" + id + "/recompute");
		return "commitment/_parts :: recomputeStatus";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String minutes, Model model) {
		CalendarView calendar = calendars.get(id);
		if (from != null || minutes != null) {
			tryIt(calendar, from, minutes, model);
		}
		return form(calendar, CalendarForm.of(calendar), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CalendarForm form, Model model,
			RedirectAttributes redirect) {
		CalendarView calendar = calendars.get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		CalendarInput input = form.toInput(errors, pages.text("commitments.calendar.error.incomplete"));
		if (!errors.isEmpty()) {
			return form(calendar, form, errors, model);
		}
		try {
			calendars.update(id, input);
		}
		catch (InvalidInputException ex) {
			return form(calendar, form, errors(ex), model);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", true);
			CalendarView fresh = calendars.get(id);
			return form(fresh, CalendarForm.of(fresh), Map.of(), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/commitments/calendars/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CalendarView calendar = calendars.get(id);
		try {
			calendars.delete(id);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("inUse", true);
			return form(calendar, CalendarForm.of(calendar), Map.of(), model);
		}
		redirect.addFlashAttribute("deleted", calendar.name());
		return "redirect:/commitments/calendars";
	}

	@PostMapping("/{id}/days")
	String putDay(@PathVariable long id, @RequestParam(required = false) String date,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end, Model model,
			RedirectAttributes redirect) {
		CalendarView calendar = calendars.get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = null;
		try {
			day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (DateTimeException ex) {
			errors.put("date", pages.text("commitments.calendar.error.date"));
		}
		DayKind dayKind = null;
		for (DayKind k : DayKind.values()) {
			if (k.name().equals(kind)) {
				dayKind = k;
			}
		}
		if (dayKind == null) {
			errors.put("kind", pages.text("form.required"));
		}
		boolean hasStart = start != null && !start.isBlank();
		boolean hasEnd = end != null && !end.isBlank();
		if (hasStart != hasEnd) {
			errors.put("hours", pages.text("commitments.calendar.error.incomplete"));
		}
		if (errors.isEmpty()) {
			List<List<String>> hours = hasStart ? List.of(List.of(start.strip(), end.strip())) : List.of();
			try {
				calendars.putDay(id, day, dayKind, name, hours);
				redirect.addFlashAttribute("daySaved", true);
				return "redirect:/commitments/calendars/" + id + "#days";
			}
			catch (InvalidInputException ex) {
				errors.putAll(errors(ex));
			}
		}
		model.addAttribute("dayErrors", errors);
		model.addAttribute("day", Map.of("date", orEmpty(date), "kind", orEmpty(kind), "name", orEmpty(name), "start",
				orEmpty(start), "end", orEmpty(end)));
		return form(calendar, CalendarForm.of(calendar), Map.of(), model);
	}

	@PostMapping("/{id}/days/{date}/delete")
	String removeDay(@PathVariable long id, @PathVariable LocalDate date, RedirectAttributes redirect) {
		calendars.removeDay(id, date);
		redirect.addFlashAttribute("dayRemoved", true);
		return "redirect:/commitments/calendars/" + id + "#days";
	}

	@PostMapping("/{id}/import")
	String importIcs(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean replaceAll,
			Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("importError", pages.text("commitments.calendar.import.noFile"));
		}
		else {
			IcsReport report = calendars.importIcs(id, new String(file.getBytes(), StandardCharsets.UTF_8), dryRun,
					replaceAll);
			model.addAttribute("report", report);
		}
		CalendarView calendar = calendars.get(id);
		return form(calendar, CalendarForm.of(calendar), Map.of(), model);
	}

	@GetMapping("/{id}/export")
	ResponseEntity<String> export(@PathVariable long id) {
		CalendarView calendar = calendars.get(id);
		String fileName = (calendar.key() != null ? calendar.key() : "calendar-" + id) + ".ics";
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(calendars.exportIcs(id));
	}

	/** Computes the due time for the "try it" form; the start is read in the calendar's zone. */
	private void tryIt(CalendarView calendar, String from, String minutes, Model model) {
		model.addAttribute("tryFrom", orEmpty(from));
		model.addAttribute("tryMinutes", orEmpty(minutes));
		ZoneId zone = ZoneId.of(calendar.timeZone());
		LocalDateTime start;
		long count;
		try {
			start = LocalDateTime.parse(from == null ? "" : from.strip());
		}
		catch (DateTimeException ex) {
			model.addAttribute("tryError", pages.text("commitments.calendar.try.badFrom"));
			return;
		}
		try {
			count = Long.parseLong(minutes == null ? "" : minutes.strip());
		}
		catch (NumberFormatException ex) {
			model.addAttribute("tryError", pages.text("commitments.calendar.try.badMinutes"));
			return;
		}
		try {
			Instant due = calendars.due(calendar.id(), start.atZone(zone).toInstant(), count);
			var local = due.atZone(zone);
			model.addAttribute("tryDue", CommitmentPages.dayName(local.getDayOfWeek()) + " " + local.toLocalDateTime()
				.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(LocaleContextHolder.getLocale())));
			model.addAttribute("tryDueIso", local.toOffsetDateTime().toString());
			model.addAttribute("tryDueInstant", due);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("tryError", pages.text(ex.fieldErrors().containsKey("from")
					? "commitments.calendar.try.badFrom" : "commitments.calendar.try.badMinutes"));
		}
	}

	private Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> keys = new LinkedHashMap<>(ERROR_KEYS);
		for (DayOfWeek day : DayOfWeek.values()) {
			keys.put("workingHours." + day.name(), "commitments.calendar.error.period");
		}
		return pages.localize(ex, keys);
	}

	private String form(CalendarView calendar, CalendarForm form, Map<String, String> errors, Model model) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("dayErrors")) {
			model.addAttribute("dayErrors", Map.of());
		}
		if (!model.containsAttribute("day")) {
			model.addAttribute("day", Map.of("date", "", "kind", "HOLIDAY", "name", "", "start", "", "end", ""));
		}
		if (calendar != null) {
			List<CalendarView.Day> days = new ArrayList<>(calendar.days());
			days.sort((a, b) -> a.date().compareTo(b.date()));
			model.addAttribute("days", days);
			Map<LocalDate, String> dayHours = new LinkedHashMap<>();
			days.forEach(d -> dayHours.put(d.date(), CommitmentPages.periods(d.hours())));
			model.addAttribute("dayHours", dayHours);
			model.addAttribute("weeklyHours", CommitmentPages.hoursMinutes((int) CommitmentPages.weeklyMinutes(calendar.workingHours())));
		}
		return "commitment/calendar-form";
	}

	private static String orEmpty(String s) {
		return s == null ? "" : s;
	}

}
