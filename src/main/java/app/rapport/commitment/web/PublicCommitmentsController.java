package app.rapport.commitment.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.commitment.CalendarView;
import app.rapport.commitment.Calendars;
import app.rapport.commitment.Commitment;
import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public commitments page (no sign-in): what each published plan promises, in the reader's language,
 * with the working hours, holidays and pause rules the promises are counted by.
 */
@Controller
@RequestMapping("/public/commitments")
class PublicCommitmentsController {

	/** A plan as the public page states it. */
	record PublicPlan(PlanView plan, List<Promises> promises, List<Hours> week, String zone, String zoneName,
			List<Day> holidays, List<Day> workingDays, List<String> pauses) {
	}

	/** What one priority (and ticket type) is promised, one sentence per commitment. */
	record Promises(String heading, List<String> sentences) {
	}

	record Hours(String day, String periods) {
	}

	record Day(LocalDate date, String text, String name) {
	}

	private final Plans plans;

	private final Calendars calendars;

	private final CommitmentPages pages;

	private final LocaleResolver locales;

	private final Clock clock;

	PublicCommitmentsController(Plans plans, Calendars calendars, CommitmentPages pages, LocaleResolver locales,
			Clock clock) {
		this.plans = plans;
		this.calendars = calendars;
		this.pages = pages;
		this.locales = locales;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		language(lang, request, response);
		model.addAttribute("plans", plans.published().stream().map(this::publicPlan).toList());
		model.addAttribute("single", false);
		model.addAttribute("basePath", "/public/commitments");
		return "commitment/public";
	}

	@GetMapping("/{planId}")
	String one(@PathVariable String planId, @RequestParam(required = false) String lang, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		language(lang, request, response);
		PlanView plan = plans.published()
			.stream()
			.filter(p -> String.valueOf(p.id()).equals(planId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Published plan " + planId));
		model.addAttribute("plans", List.of(publicPlan(plan)));
		model.addAttribute("single", true);
		model.addAttribute("basePath", "/public/commitments/" + plan.id());
		return "commitment/public";
	}

	/** {@code ?lang=} switches the language through the application's locale resolver; anything else is ignored. */
	private void language(String lang, HttpServletRequest request, HttpServletResponse response) {
		if (Languages.isSupported(lang)) {
			locales.setLocale(request, response, Locale.forLanguageTag(lang));
		}
	}

	private PublicPlan publicPlan(PlanView plan) {
		CalendarView calendar = calendars.get(plan.calendarId());
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = ZoneId.of(calendar.timeZone());
		List<Hours> week = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<List<String>> periods = calendar.workingHours().getOrDefault(day.name(), List.of());
			week.add(new Hours(day.getDisplayName(TextStyle.FULL, locale),
					periods.isEmpty() ? pages.text("commitments.public.closed") : periods(periods)));
		}
		int year = LocalDate.now(clock.withZone(zone)).getYear();
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		List<Day> holidays = new ArrayList<>();
		List<Day> workingDays = new ArrayList<>();
		calendar.days()
			.stream()
			.filter(d -> d.date().getYear() == year || d.date().getYear() == year + 1)
			.sorted((a, b) -> a.date().compareTo(b.date()))
			.forEach(d -> {
				String hours = d.hours().isEmpty() ? "" : " (" + periods(d.hours()) + ")";
				Day line = new Day(d.date(), d.date().format(dates) + hours, d.name());
				(d.kind().equals("holiday") ? holidays : workingDays).add(line);
			});
		return new PublicPlan(plan, promises(plan), week, calendar.timeZone(),
				zone.getDisplayName(TextStyle.FULL, locale), holidays, workingDays, pauses(plan));
	}

	private List<Promises> promises(PlanView plan) {
		Map<String, Promises> result = new LinkedHashMap<>();
		List<PlanInput.Target> targets = new ArrayList<>(plan.targets());
		// Highest priority first, the general promise for a priority before its ticket-type exceptions.
		targets.sort((a, b) -> {
			int byPriority = Integer.compare(priorityRank(b.priority()), priorityRank(a.priority()));
			return byPriority != 0 ? byPriority : Boolean.compare(a.type() != null, b.type() != null);
		});
		for (PlanInput.Target t : targets) {
			String heading = t.type() == null ? pages.text("commitments.public.priority", pages.text("ticket.priority." + t.priority()))
					: pages.text("commitments.public.priorityAndType", pages.text("ticket.priority." + t.priority()),
							pages.text("ticket.type." + t.type()));
			List<String> sentences = new ArrayList<>();
			add(sentences, Commitment.FIRST_RESPONSE, t.firstResponseMinutes());
			add(sentences, Commitment.NEXT_UPDATE, t.nextUpdateMinutes());
			add(sentences, Commitment.RESOLUTION, t.resolutionMinutes());
			result.put(t.priority() + "/" + t.type(), new Promises(heading, sentences));
		}
		return List.copyOf(result.values());
	}

	private static int priorityRank(String priority) {
		return List.of("LOW", "NORMAL", "HIGH", "URGENT").indexOf(priority);
	}

	private void add(List<String> sentences, Commitment commitment, Integer minutes) {
		if (minutes != null) {
			sentences.add(pages.text("commitments.public.promise." + commitment.key(), duration(minutes)));
		}
	}

	/** Exact working time: "4 working hours", "30 working minutes", "1 working hour and 30 minutes". */
	String duration(int minutes) {
		int hours = minutes / 60;
		int rest = minutes % 60;
		if (rest == 0) {
			return pages.text("commitments.public.duration.hours", hours);
		}
		if (hours == 0) {
			return pages.text("commitments.public.duration.minutes", rest);
		}
		return pages.text("commitments.public.duration.hoursMinutes", hours, rest);
	}

	private List<String> pauses(PlanView plan) {
		List<String> result = new ArrayList<>();
		List<String> pending = plan.pendingCustomerPauses();
		if (pending.size() == Commitment.values().length) {
			result.add(pages.text("commitments.public.pause.pending.all"));
		}
		else if (!pending.isEmpty()) {
			result.add(pages.text("commitments.public.pause.pending.some", names(pending)));
		}
		List<String> onHold = plan.onHoldPauses();
		if (onHold.size() == Commitment.values().length) {
			result.add(pages.text("commitments.public.pause.onHold.all"));
		}
		else if (!onHold.isEmpty()) {
			result.add(pages.text("commitments.public.pause.onHold.some", names(onHold)));
		}
		if (result.isEmpty()) {
			result.add(pages.text("commitments.public.pause.never"));
		}
		return result;
	}

	private String names(List<String> keys) {
		return String.join(pages.text("commitments.public.listSeparator"),
				keys.stream().map(k -> pages.text("commitment.kind." + k)).toList());
	}

	private static String periods(List<List<String>> periods) {
		List<String> parts = new ArrayList<>();
		for (List<String> p : periods) {
			parts.add(p.get(0) + "–" + p.get(1));
		}
		return String.join(", ", parts);
	}

}
