package app.rapport.commitment.web;

import java.util.List;
import java.util.Optional;

import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "service plan" box of the organization and contact pages, loaded by htmx so that the customer
 * module does not depend on this one. Everyone who reads customers sees the plan in force; supervisors
 * and admins change it.
 */
@Controller
@RequestMapping("/commitments/customers")
class CustomerPlanController {

	/** Where the plan in force comes from. */
	enum Source {
		OWN, ORGANIZATION, DEFAULT
	}

	private final Plans plans;

	private final CustomerDirectory customers;

	CustomerPlanController(Plans plans, CustomerDirectory customers) {
		this.plans = plans;
		this.customers = customers;
	}

	@GetMapping("/organization/{id}/plan")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String organization(@PathVariable long id, Model model) {
		customers.organizationName(id).orElseThrow(() -> new NotFoundException("Organization " + id));
		Optional<PlanView> own = plans.ofOrganization(id);
		PlanView inForce = own.orElseGet(this::defaultPlan);
		return fragment("organization", id, inForce, own.isPresent() ? Source.OWN : Source.DEFAULT, null, model);
	}

	@GetMapping("/contact/{id}/plan")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String contact(@PathVariable long id, Model model) {
		ContactSummary contact = customers.contact(id).orElseThrow(() -> new NotFoundException("Contact " + id));
		PlanView inForce = plans.inForce(id);
		Optional<PlanView> ofOrganization = contact.organizationId() == null ? Optional.empty()
				: plans.ofOrganization(contact.organizationId());
		Source source = plans.ofContact(id).isPresent() ? Source.OWN
				: ofOrganization.isPresent() ? Source.ORGANIZATION : Source.DEFAULT;
		return fragment("contact", id, inForce, source, ofOrganization.isPresent() ? contact.organizationId() : null,
				model);
	}

	@PostMapping("/organization/{id}/plan")
	@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
	String changeOrganization(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String planId, RedirectAttributes redirect) {
		plans.assignToOrganization(id, planId(planId), me.id());
		redirect.addFlashAttribute("planChanged", true);
		return "redirect:/organizations/" + id;
	}

	@PostMapping("/contact/{id}/plan")
	@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
	String changeContact(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String planId, RedirectAttributes redirect) {
		plans.assignToContact(id, planId(planId), me.id());
		redirect.addFlashAttribute("planChanged", true);
		return "redirect:/contacts/" + id;
	}

	private PlanView defaultPlan() {
		return plans.all().stream().filter(PlanView::isDefault).findFirst().orElse(null);
	}

	private static Long planId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("Plan " + text);
		}
	}

	private String fragment(String kind, long id, PlanView inForce, Source source, Long organizationId, Model model) {
		List<PlanView> all = plans.all();
		model.addAttribute("kind", kind);
		model.addAttribute("customerId", id);
		model.addAttribute("inForce", inForce);
		model.addAttribute("source", source.name());
		model.addAttribute("organizationId", organizationId);
		model.addAttribute("plans", all);
		model.addAttribute("selected", source == Source.OWN && inForce != null ? inForce.id() : null);
		return "commitment/_customer-plan :: plan";
	}

}
