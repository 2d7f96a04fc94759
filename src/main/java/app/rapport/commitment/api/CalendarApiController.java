package app.rapport.commitment.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.CalendarInput;
import app.rapport.commitment.CalendarView;
import app.rapport.commitment.Calendars;
import app.rapport.commitment.IcsReport;
import app.rapport.commitment.calendar.DayKind;
import app.rapport.shared.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars over REST: define them, import and export holidays as iCalendar, and the business-time arithmetic. */
@RestController
@RequestMapping("/api/v1/calendars")
@PreAuthorize("hasAuthority('SCOPE_read')")
class CalendarApiController {

	static final String EDITORS = "hasAuthority('SCOPE_write') and hasAnyRole('ADMIN', 'SUPERVISOR')";

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Calendars calendars;

	CalendarApiController(Calendars calendars) {
		this.calendars = calendars;
	}

	record DayInput(String kind, String name, List<List<String>> hours) {
	}

	@GetMapping
	List<CalendarView> list() {
		return calendars.all();
	}

	@GetMapping("/{id}")
	CalendarView get(@PathVariable long id) {
		return calendars.get(id);
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	ResponseEntity<CalendarView> create(@RequestBody CalendarInput input) {
		CalendarView created = calendars.create(input);
		return ResponseEntity.created(URI.create("/api/v1/calendars/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize(EDITORS)
	CalendarView update(@PathVariable long id, @RequestBody CalendarInput input) {
		return calendars.update(id, input);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(EDITORS)
	ResponseEntity<Void> delete(@PathVariable long id) {
		calendars.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Adds or replaces one holiday or extra working day. */
	@PutMapping("/{id}/days/{date}")
	@PreAuthorize(EDITORS)
	CalendarView putDay(@PathVariable long id, @PathVariable LocalDate date, @RequestBody DayInput input) {
		DayKind kind;
		try {
			kind = DayKind.valueOf(input.kind() == null ? "" : input.kind().strip().toUpperCase().replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "must be holiday or working_day");
		}
		return calendars.putDay(id, date, kind, input.name(), input.hours());
	}

	@DeleteMapping("/{id}/days/{date}")
	@PreAuthorize(EDITORS)
	CalendarView removeDay(@PathVariable long id, @PathVariable LocalDate date) {
		return calendars.removeDay(id, date);
	}

	/**
	 * Imports holidays and working days from an iCalendar body. {@code dryRun=true} only reports;
	 * {@code replace=true} drops the days the file does not have. A file with problems changes nothing (400).
	 */
	@PutMapping(path = "/{id}/ics", consumes = { "text/calendar", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@PreAuthorize(EDITORS)
	ResponseEntity<IcsReport> importIcs(@PathVariable long id, @RequestBody(required = false) byte[] body,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean replace) {
		if (body == null || body.length == 0) {
			throw new InvalidInputException("body", "send the iCalendar file as the request body (text/calendar)");
		}
		IcsReport report = calendars.importIcs(id, new String(body, java.nio.charset.StandardCharsets.UTF_8), dryRun,
				replace);
		return report.problems().isEmpty() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
	}

	@GetMapping("/{id}/ics")
	ResponseEntity<String> exportIcs(@PathVariable long id) {
		CalendarView calendar = calendars.get(id);
		String filename = (calendar.key() != null ? calendar.key() : "calendar-" + id) + ".ics";
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(calendars.exportIcs(id));
	}

	/** The instant {@code minutes} business minutes after {@code from}. */
	@GetMapping("/{id}/due")
	Map<String, Instant> due(@PathVariable long id, @RequestParam Instant from, @RequestParam long minutes) {
		return Map.of("due", calendars.due(id, from, minutes));
	}

	/** Whole business minutes between {@code from} and {@code to}. */
	@GetMapping("/{id}/elapsed")
	Map<String, Long> elapsed(@PathVariable long id, @RequestParam Instant from, @RequestParam Instant to) {
		return Map.of("minutes", calendars.elapsed(id, from, to));
	}

}
