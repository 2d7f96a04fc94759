package app.rapport.customer.web;

import java.io.IOException;
import java.util.List;

import app.rapport.audit.AuditTrail;
import app.rapport.customer.AttributeTarget;
import app.rapport.customer.CustomerAttributes;
import app.rapport.customer.CustomerExport;
import app.rapport.customer.CustomerInputException;
import app.rapport.customer.CustomerRules;
import app.rapport.customer.CustomerService;
import app.rapport.customer.LifecycleStage;
import app.rapport.customer.OrganizationFilter;
import app.rapport.customer.OrganizationKind;
import app.rapport.customer.OrganizationView;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.ConflictException;
import app.rapport.shared.Paging;
import app.rapport.shared.TabularExport;
import app.rapport.shared.web.Languages;
import app.rapport.shared.web.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization pages: list, profile with contacts, timeline and history, create and edit forms, export. */
@Controller
class OrganizationController {

	private final CustomerService customers;

	private final CustomerAttributes attributes;

	private final CustomerExport exports;

	private final WebSupport web;

	private final Times times;

	OrganizationController(CustomerService customers, CustomerAttributes attributes, CustomerExport exports,
			WebSupport web, Times times) {
		this.customers = customers;
		this.attributes = attributes;
		this.exports = exports;
		this.web = web;
		this.times = times;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("languages", Languages.TAGS);
	}

	@GetMapping("/organizations")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model,
			HttpServletRequest request) {
		OrganizationFilter filter = filter(q, kind, lifecycleStage, tag);
		model.addAttribute("organizations", customers.organizations(filter, Paging.of(page, size, CustomerService.BY_NAME)));
		model.addAttribute("filter", filter);
		return WebSupport.isHtmx(request) ? "customer/organizations :: results" : "customer/organizations";
	}

	@GetMapping("/organizations/export")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String lifecycleStage,
			@RequestParam(required = false) String tag, HttpServletResponse response) throws IOException {
		TabularExport.Format f = TabularExport.Format.parse(format);
		response.setContentType(f.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organizations." + f.extension() + "\"");
		exports.organizations(filter(q, kind, lifecycleStage, tag), f, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	@GetMapping("/organizations/new")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String newForm(Model model) {
		return form(new OrganizationForm(), null, model);
	}

	@PostMapping("/organizations")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") OrganizationForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", web.bindingErrors(binding));
			return form(form, null, model);
		}
		try {
			OrganizationView created = customers.createOrganization(form.toDetails(), me.id());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/organizations/" + created.id();
		}
		catch (CustomerInputException | ConflictException ex) {
			return formWithError(ex, form, null, model);
		}
	}

	@GetMapping("/organizations/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer contactPage, Model model) {
		model.addAttribute("organization", customers.organization(id));
		model.addAttribute("contacts", customers.contactsOf(id, Paging.of(contactPage, 20, CustomerService.BY_NAME)));
		model.addAttribute("attributeDefinitions", attributes.definitions(AttributeTarget.ORGANIZATION));
		model.addAttribute("timeline", web.timeline(customers.organizationTimeline(id, me, Paging.of(page, 20, Sort.unsorted()))));
		model.addAttribute("timelineUrl", "/organizations/" + id + "/timeline");
		model.addAttribute("history", web.history(AuditTrail.ORGANIZATION, id));
		model.addAttribute("interactionKinds", List.of("CALL", "VISIT", "MEETING", "NOTE"));
		if (!model.containsAttribute("interaction")) {
			model.addAttribute("interaction", new ContactController.InteractionForm());
		}
		return "customer/organization";
	}

	@GetMapping("/organizations/{id}/timeline")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String timeline(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("timeline", web.timeline(customers.organizationTimeline(id, me, Paging.of(page, 20, Sort.unsorted()))));
		model.addAttribute("timelineUrl", "/organizations/" + id + "/timeline");
		return "customer/_timeline :: timeline";
	}

	@GetMapping("/organizations/{id}/edit")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String editForm(@PathVariable long id, Model model) {
		return form(OrganizationForm.of(customers.organization(id)), id, model);
	}

	@PostMapping("/organizations/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", web.bindingErrors(binding));
			return form(form, id, model);
		}
		try {
			customers.updateOrganization(id, form.getVersion(), form.toDetails(), me.id());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/organizations/" + id;
		}
		catch (CustomerInputException | ConflictException ex) {
			return formWithError(ex, form, id, model);
		}
	}

	@PostMapping("/organizations/{id}/interactions")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String logInteraction(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@ModelAttribute("interaction") ContactController.InteractionForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("interactionErrors", web.bindingErrors(binding));
			return show(me, id, null, null, model);
		}
		try {
			customers.logOrganizationInteraction(id, form.toInteraction(times), me.id());
			redirect.addFlashAttribute("logged", true);
			return "redirect:/organizations/" + id;
		}
		catch (CustomerInputException ex) {
			model.addAttribute("interactionErrors", web.errors(ex.problems()));
			return show(me, id, null, null, model);
		}
	}

	private String form(OrganizationForm form, Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("organizationId", id);
		model.addAttribute("attributeDefinitions", attributes.definitions(AttributeTarget.ORGANIZATION));
		return "customer/organization-form";
	}

	private String formWithError(RuntimeException ex, OrganizationForm form, Long id, Model model) {
		if (ex instanceof CustomerInputException invalid) {
			model.addAttribute("errors", web.errors(invalid.problems()));
		}
		else if (ex instanceof app.rapport.customer.DuplicateOrganizationException duplicate) {
			model.addAttribute("duplicateOrganization", duplicate.existing());
			model.addAttribute("errors", java.util.Map.of("name",
					web.message("organizationNameTaken", duplicate.existing().name(), ex.getMessage())));
		}
		else {
			model.addAttribute("conflict", true);
		}
		return form(form, id, model);
	}

	private static OrganizationFilter filter(String q, String kind, String lifecycleStage, String tag) {
		return new OrganizationFilter(q, CustomerRules.parse(OrganizationKind.class, kind),
				CustomerRules.parse(LifecycleStage.class, lifecycleStage), tag == null || tag.isBlank() ? null : tag);
	}

}
