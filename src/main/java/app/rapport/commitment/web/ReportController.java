package app.rapport.commitment.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.commitment.Attainment;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.TabularExport;
import app.rapport.shared.TimeLimits;
import app.rapport.shared.web.Times;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Attainment reports for supervisors, admins and analysts: the share of commitments kept against the
 * 95 % line, the Pareto chart of breach reasons (inline SVG, drawn on the server), and both as CSV or XLSX.
 */
@Controller
@PreAuthorize("hasAuthority('SCOPE_read') and hasAnyRole('SUPERVISOR', 'ADMIN', 'ANALYST')")
class ReportController {

	/** The share of commitments a team should keep; rows below it stand out. */
	static final double TARGET_PERCENT = 95.0;

	static final int DEFAULT_WEEKS = 8;

	private final Attainment attainment;

	private final MessageSource messages;

	private final Times times;

	private final Clock clock;

	ReportController(Attainment attainment, MessageSource messages, Times times, Clock clock) {
		this.attainment = attainment;
		this.messages = messages;
		this.times = times;
		this.clock = clock;
	}

	/** The report's parameters; unknown dimensions and periods fall back to plan and week. */
	record Params(Attainment.Dimension by, Attainment.Period period, LocalDate from, LocalDate to) {

		String url(String path) {
			return UriComponentsBuilder.fromPath(path)
				.queryParam("by", by.name().toLowerCase(Locale.ROOT))
				.queryParam("period", period.name().toLowerCase(Locale.ROOT))
				.queryParam("from", from)
				.queryParam("to", to)
				.build()
				.toUriString();
		}

	}

	/** One table row, its label in the reader's language. */
	record ReportRow(String period, String label, long met, long breached, long total, double percentMet,
			boolean belowTarget) {
	}

	@GetMapping("/commitments/reports")
	String reports(@RequestParam(required = false) String by, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Params params = params(by, period, from, to, errors);
		List<ReportRow> rows = List.of();
		List<Attainment.ParetoBar> bars = List.of();
		if (errors.isEmpty()) {
			try {
				rows = rows(params);
				bars = attainment.pareto(params.from(), params.to(), times.zone(), Choices.language());
			}
			catch (InvalidInputException ex) {
				ex.fieldErrors().keySet().forEach(f -> errors.put(f, "commitment.report.error.range"));
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("params", params);
		model.addAttribute("errors", errors);
		model.addAttribute("rows", rows);
		model.addAttribute("target", TARGET_PERCENT);
		model.addAttribute("chart", ParetoChart.of(bars, messages.getMessage("commitment.reason.unexplained", null, locale)));
		model.addAttribute("dimensions", List.of(Attainment.Dimension.values()));
		model.addAttribute("periods", List.of(Attainment.Period.values()));
		model.addAttribute("attainmentCsv", params.url("/commitments/reports/attainment.csv"));
		model.addAttribute("attainmentXlsx", params.url("/commitments/reports/attainment.xlsx"));
		model.addAttribute("paretoCsv", params.url("/commitments/reports/pareto.csv"));
		model.addAttribute("paretoXlsx", params.url("/commitments/reports/pareto.xlsx"));
		return "commitment/reports";
	}

	@GetMapping("/commitments/reports/attainment.{format}")
	void exportAttainment(@PathVariable String format, @RequestParam(required = false) String by,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		TabularExport.Format exportFormat = TabularExport.Format.parse(format);
		Params params = validParams(by, period, from, to);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = List.of(text("commitment.report.col.period", locale),
				text("commitment.report.by." + params.by().name().toLowerCase(Locale.ROOT), locale),
				text("commitment.report.col.met", locale), text("commitment.report.col.breached", locale),
				text("commitment.report.col.total", locale), text("commitment.report.col.percentMet", locale));
		List<ReportRow> rows = rows(params);
		write(response, exportFormat, "attainment", text("commitment.report.attainment", locale), header,
				rows.stream().map(r -> List.<Object>of(r.period(), r.label(), r.met(), r.breached(), r.total(), r.percentMet())));
	}

	@GetMapping("/commitments/reports/pareto.{format}")
	void exportPareto(@PathVariable String format, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		TabularExport.Format exportFormat = TabularExport.Format.parse(format);
		Params params = validParams(null, null, from, to);
		Locale locale = LocaleContextHolder.getLocale();
		String unexplained = text("commitment.reason.unexplained", locale);
		List<String> header = List.of(text("commitment.report.col.reason", locale),
				text("commitment.report.col.breaches", locale), text("commitment.report.col.percent", locale),
				text("commitment.report.col.cumulative", locale));
		List<Attainment.ParetoBar> bars = attainment.pareto(params.from(), params.to(), times.zone(), Choices.language());
		write(response, exportFormat, "pareto", text("commitment.report.pareto", locale), header,
				bars.stream().map(b -> List.<Object>of(b.reasonKey() == null ? unexplained : b.label(), b.count(),
						b.percent(), b.cumulativePercent())));
	}

	private void write(HttpServletResponse response, TabularExport.Format format, String name, String sheet,
			List<String> header, java.util.stream.Stream<List<?>> rows) throws IOException {
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
		TabularExport.write(format, sheet.length() > 31 ? sheet.substring(0, 31) : sheet, header, rows,
				response.getOutputStream());
	}

	private Params validParams(String by, String period, String from, String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		Params params = params(by, period, from, to, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The report has invalid parameters.", errors);
		}
		return params;
	}

	/** Reads the parameters; a bad date is reported in {@code errors} (as a message key) and replaced by its default. */
	private Params params(String by, String period, String from, String to, Map<String, String> errors) {
		Attainment.Dimension dimension = enumOr(by, Attainment.Dimension.PLAN, Attainment.Dimension.class);
		Attainment.Period length = enumOr(period, Attainment.Period.WEEK, Attainment.Period.class);
		LocalDate today = LocalDate.now(clock.withZone(zone()));
		LocalDate end = date(to, today, "to", errors);
		LocalDate start = date(from, end.minusWeeks(DEFAULT_WEEKS).plusDays(1), "from", errors);
		if (errors.isEmpty() && end.isBefore(start)) {
			errors.put("to", "commitment.report.error.order");
		}
		return new Params(dimension, length, start, end);
	}

	private ZoneId zone() {
		return times.zone();
	}

	private List<ReportRow> rows(Params params) {
		Locale locale = LocaleContextHolder.getLocale();
		return attainment.rows(params.by(), params.period(), params.from(), params.to())
			.stream()
			.map(r -> new ReportRow(r.period(), label(params.by(), r, locale), r.met(), r.breached(), r.total(),
					r.percentMet(), r.percentMet() < TARGET_PERCENT))
			.toList();
	}

	private String label(Attainment.Dimension by, Attainment.Row row, Locale locale) {
		return switch (by) {
			case PRIORITY -> messages.getMessage("ticket.priority." + row.key(), null, row.label(), locale);
			case COMMITMENT -> messages.getMessage("commitment.kind." + row.key(), null, row.label(), locale);
			case AGENT -> row.key().isEmpty() ? text("commitment.nobody", locale) : row.label();
			case ALL -> text("commitment.report.by.all", locale);
			default -> row.label();
		};
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static LocalDate date(String value, LocalDate fallback, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (!TimeLimits.accepts(date)) {
				// The year 999,999,999 parses, but no report reaches it: say so instead of overflowing below.
				errors.put(field, "commitment.report.error.date");
				return fallback;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "commitment.report.error.date");
			return fallback;
		}
	}

	private static <E extends Enum<E>> E enumOr(String value, E fallback, Class<E> type) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

}
