package app.rapport.commitment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.commitment.Calendars;
import app.rapport.commitment.Commitment;
import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.Role;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service plans for supervisors and admins: list, create, edit (targets, pauses, escalations) and delete. */
@Controller
@RequestMapping("/commitments/plans")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class PlanAdminController {

	private static final Pattern ROW = Pattern.compile("^(targets|escalations)\\[(\\d+)\\](.*)$");

	private static final Map<String, String> ERROR_KEYS = Map.ofEntries(Map.entry("name", "commitments.error.name"),
			Map.entry("description", "commitments.plan.error.description"),
			Map.entry("calendarId", "commitments.plan.error.calendar"),
			Map.entry("atRiskPercent", "commitments.plan.error.atRisk"),
			Map.entry("isDefault", "commitments.plan.error.default"),
			Map.entry("pendingCustomerPauses", "commitments.error.invalid"),
			Map.entry("onHoldPauses", "commitments.error.invalid"),
			Map.entry("targets", "commitments.plan.error.noTargets"),
			Map.entry("targets[]", "commitments.plan.error.target"),
			Map.entry("targets[].priority", "commitments.plan.error.priority"),
			Map.entry("targets[].type", "commitments.plan.error.type"),
			Map.entry("escalations[]", "commitments.plan.error.escalation"),
			Map.entry("escalations[].trigger", "commitments.plan.error.trigger"));

	private final Plans plans;

	private final Calendars calendars;

	private final UserDirectory users;

	private final CommitmentPages pages;

	PlanAdminController(Plans plans, Calendars calendars, UserDirectory users, CommitmentPages pages) {
		this.plans = plans;
		this.calendars = calendars;
		this.users = users;
		this.pages = pages;
	}

	/** One plan in the list, with its targets in short form ("Normal 4:00 / 8:00 / 40:00"). */
	record Row(PlanView plan, List<String> targets) {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("calendars", calendars.all());
		model.addAttribute("commitments", Commitment.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("ticketTypes", TicketType.values());
		model.addAttribute("triggers", List.of("at_risk", "breached"));
		model.addAttribute("groups", users.allGroups());
		model.addAttribute("notifiable", users.allUsers()
			.stream()
			.filter(u -> u.active() && (u.role() == Role.ADMIN || u.role() == Role.SUPERVISOR))
			.toList());
	}

	@GetMapping
	String list(Model model) {
		List<Row> rows = plans.all()
			.stream()
			.map(p -> new Row(p, p.targets().stream().map(this::summary).toList()))
			.toList();
		model.addAttribute("rows", rows);
		return "commitment/plans";
	}

	@GetMapping("/new")
	String newPlan(Model model) {
		PlanForm form = PlanForm.empty();
		calendars.all().stream().findFirst().ifPresent(c -> form.setCalendarId(c.id()));
		return form(null, form, Map.of(), model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") PlanForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		List<Integer> targetRows = new ArrayList<>();
		List<Integer> escalationRows = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		PlanInput input = form.toInput(targetRows, escalationRows, errors, pages);
		bindingErrors(binding, errors);
		if (!errors.isEmpty()) {
			return form(null, form, errors, model);
		}
		try {
			PlanView created = plans.create(input, me.id());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/commitments/plans/" + created.id();
		}
		catch (InvalidInputException ex) {
			return form(null, form, errors(ex, targetRows, escalationRows), model);
		}
	}

	/** The recompute's progress alone, polled by the edit page while it runs. */
	@GetMapping("/{id}/recompute")
	String recompute(@PathVariable long id, Model model) {
		PlanView plan = plans.get(id);
		model.addAttribute("progress", plan.recompute());
		model.addAttribute("url", "/commitments/plans/" + id + "/recompute");
		return "commitment/_parts :: recomputeStatus";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		PlanView plan = plans.get(id);
		return form(plan, PlanForm.of(plan), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @ModelAttribute("form") PlanForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		PlanView plan = plans.get(id);
		List<Integer> targetRows = new ArrayList<>();
		List<Integer> escalationRows = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		PlanInput input = form.toInput(targetRows, escalationRows, errors, pages);
		bindingErrors(binding, errors);
		if (!errors.isEmpty()) {
			return form(plan, form, errors, model);
		}
		try {
			plans.update(id, input, me.id());
		}
		catch (InvalidInputException ex) {
			return form(plan, form, errors(ex, targetRows, escalationRows), model);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", true);
			PlanView fresh = plans.get(id);
			return form(fresh, PlanForm.of(fresh), Map.of(), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/commitments/plans/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		PlanView plan = plans.get(id);
		try {
			plans.delete(id, me.id());
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("inUse", plan.isDefault() ? "default" : "used");
			return form(plan, PlanForm.of(plan), Map.of(), model);
		}
		redirect.addFlashAttribute("deleted", plan.name());
		return "redirect:/commitments/plans";
	}

	private String summary(PlanInput.Target t) {
		String who = pages.text("ticket.priority." + t.priority())
				+ (t.type() == null ? "" : " · " + pages.text("ticket.type." + t.type()));
		return who + ": " + dash(t.firstResponseMinutes()) + " / " + dash(t.nextUpdateMinutes()) + " / "
				+ dash(t.resolutionMinutes());
	}

	private static String dash(Integer minutes) {
		return minutes == null ? "—" : CommitmentPages.hoursMinutes(minutes);
	}

	private void bindingErrors(BindingResult binding, Map<String, String> errors) {
		binding.getFieldErrors().forEach(fe -> errors.putIfAbsent(fe.getField(), pages.text("commitments.error.invalid")));
	}

	/** The service's errors in the reader's language, with row indexes turned back into the form's rows. */
	private Map<String, String> errors(InvalidInputException ex, List<Integer> targetRows, List<Integer> escalationRows) {
		Map<String, String> localized = pages.localize(ex, ERROR_KEYS);
		Map<String, String> result = new LinkedHashMap<>();
		localized.forEach((field, message) -> {
			Matcher m = ROW.matcher(field);
			if (m.matches()) {
				List<Integer> rows = m.group(1).equals("targets") ? targetRows : escalationRows;
				int index = Integer.parseInt(m.group(2));
				int row = index < rows.size() ? rows.get(index) : index;
				result.put(m.group(1) + "[" + row + "]" + m.group(3), message);
			}
			else {
				result.put(field, message);
			}
		});
		return result;
	}

	private String form(PlanView plan, PlanForm form, Map<String, String> errors, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "commitment/plan-form";
	}

}
