package app.rapport.customer.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import app.rapport.audit.AuditTrail;
import app.rapport.customer.AttributeTarget;
import app.rapport.customer.Channel;
import app.rapport.customer.ContactFilter;
import app.rapport.customer.ContactRole;
import app.rapport.customer.ContactView;
import app.rapport.customer.CustomerAttributes;
import app.rapport.customer.CustomerExport;
import app.rapport.customer.CustomerInputException;
import app.rapport.customer.CustomerRules;
import app.rapport.customer.CustomerService;
import app.rapport.customer.DuplicateContactException;
import app.rapport.customer.Interaction;
import app.rapport.customer.LifecycleStage;
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

/** Contact pages: list with filters, profile with timeline and history, create and edit forms, merge, export. */
@Controller
class ContactController {

	private final CustomerService customers;

	private final CustomerAttributes attributes;

	private final CustomerExport exports;

	private final WebSupport web;

	private final Times times;

	ContactController(CustomerService customers, CustomerAttributes attributes, CustomerExport exports, WebSupport web,
			Times times) {
		this.customers = customers;
		this.attributes = attributes;
		this.exports = exports;
		this.web = web;
		this.times = times;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("roles", ContactRole.values());
		model.addAttribute("languages", Languages.TAGS);
	}

	@GetMapping("/contacts")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String lifecycleStage,
			@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String language, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, HttpServletRequest request) {
		ContactFilter filter = filter(q, lifecycleStage, organizationId, tag, language);
		model.addAttribute("contacts", customers.contacts(filter, Paging.of(page, size, CustomerService.BY_NAME)));
		model.addAttribute("filter", filter);
		model.addAttribute("organizations", customers.organizationChoices());
		return WebSupport.isHtmx(request) ? "customer/contacts :: results" : "customer/contacts";
	}

	@GetMapping("/contacts/export")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String language,
			HttpServletResponse response) throws IOException {
		TabularExport.Format f = TabularExport.Format.parse(format);
		response.setContentType(f.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts." + f.extension() + "\"");
		exports.contacts(filter(q, lifecycleStage, organizationId, tag, language), f, LocaleContextHolder.getLocale(),
				response.getOutputStream());
	}

	@GetMapping("/contacts/new")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String newForm(@RequestParam(required = false) Long organizationId, Model model) {
		ContactForm form = new ContactForm();
		form.setOrganizationId(organizationId);
		return form(form, null, model);
	}

	@PostMapping("/contacts")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") ContactForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", web.bindingErrors(binding));
			return form(form, null, model);
		}
		try {
			ContactView created = customers.createContact(form.toDetails(), me.id());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/contacts/" + created.id();
		}
		catch (RuntimeException ex) {
			return formWithError(ex, form, null, model);
		}
	}

	@GetMapping("/contacts/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		ContactView contact = customers.contact(id);
		model.addAttribute("contact", contact);
		model.addAttribute("attributeDefinitions", attributes.definitions(AttributeTarget.CONTACT));
		model.addAttribute("timeline", web.timeline(customers.contactTimeline(id, me, Paging.of(page, 20, Sort.unsorted()))));
		model.addAttribute("timelineUrl", "/contacts/" + id + "/timeline");
		model.addAttribute("history", web.history(AuditTrail.CONTACT, id));
		model.addAttribute("interactionKinds", List.of("CALL", "VISIT", "MEETING", "NOTE"));
		if (!model.containsAttribute("interaction")) {
			model.addAttribute("interaction", new InteractionForm());
		}
		return "customer/contact";
	}

	@GetMapping("/contacts/{id}/timeline")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String timeline(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("timeline", web.timeline(customers.contactTimeline(id, me, Paging.of(page, 20, Sort.unsorted()))));
		model.addAttribute("timelineUrl", "/contacts/" + id + "/timeline");
		return "customer/_timeline :: timeline";
	}

	@GetMapping("/contacts/{id}/edit")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String editForm(@PathVariable long id, Model model) {
		return form(ContactForm.of(customers.contact(id)), id, model);
	}

	@PostMapping("/contacts/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @ModelAttribute("form") ContactForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", web.bindingErrors(binding));
			return form(form, id, model);
		}
		try {
			customers.updateContact(id, form.getVersion(), form.toDetails(), me.id());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/contacts/" + id;
		}
		catch (RuntimeException ex) {
			return formWithError(ex, form, id, model);
		}
	}

	@PostMapping("/contacts/{id}/interactions")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String logInteraction(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@ModelAttribute("interaction") InteractionForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("interactionErrors", web.bindingErrors(binding));
			return show(me, id, null, model);
		}
		try {
			customers.logContactInteraction(id, form.toInteraction(times), me.id());
			redirect.addFlashAttribute("logged", true);
			return "redirect:/contacts/" + id;
		}
		catch (CustomerInputException ex) {
			model.addAttribute("interactionErrors", web.errors(ex.problems()));
			return show(me, id, null, model);
		}
	}

	@PostMapping("/contacts/{id}/merge")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String merge(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long intoId,
			Model model, RedirectAttributes redirect) {
		try {
			if (intoId == null) {
				throw new CustomerInputException("intoId", "required", "is required");
			}
			ContactView target = customers.merge(id, intoId, me.id());
			redirect.addFlashAttribute("merged", true);
			return "redirect:/contacts/" + target.id();
		}
		catch (CustomerInputException ex) {
			model.addAttribute("mergeError", web.errors(ex.problems()).values().iterator().next());
		}
		catch (ConflictException | app.rapport.shared.NotFoundException ex) {
			model.addAttribute("mergeError", web.message("mergeImpossible", null, ex.getMessage()));
		}
		return show(me, id, null, model);
	}

	private String form(ContactForm form, Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("contactId", id);
		model.addAttribute("organizations", customers.organizationChoices());
		model.addAttribute("attributeDefinitions", attributes.definitions(AttributeTarget.CONTACT));
		return "customer/contact-form";
	}

	private String formWithError(RuntimeException ex, ContactForm form, Long id, Model model) {
		if (ex instanceof CustomerInputException invalid) {
			model.addAttribute("errors", web.errors(invalid.problems()));
		}
		else if (ex instanceof DuplicateContactException duplicate) {
			model.addAttribute("duplicate", duplicate.duplicate());
			model.addAttribute("errors", Map.of(duplicate.duplicate().field().equals("email") ? "emails" : "phones",
					web.message("duplicate", duplicate.duplicate().existingName(), duplicate.getMessage())));
		}
		else if (ex instanceof ConflictException conflict) {
			model.addAttribute("conflict", true);
		}
		else {
			throw ex;
		}
		return form(form, id, model);
	}

	private static ContactFilter filter(String q, String lifecycleStage, Long organizationId, String tag, String language) {
		return new ContactFilter(q, CustomerRules.parse(LifecycleStage.class, lifecycleStage), organizationId,
				tag == null || tag.isBlank() ? null : tag, CustomerRules.language(language));
	}

	/** The log-an-interaction form; the time is entered in the user's time zone. */
	public static class InteractionForm {

		private String kind = "CALL";

		private String summary;

		private Integer durationMinutes;

		private String occurredAt;

		Interaction toInteraction(Times times) {
			java.time.Instant when = null;
			if (occurredAt != null && !occurredAt.isBlank()) {
				try {
					when = LocalDateTime.parse(occurredAt).atZone(times.zone()).toInstant();
				}
				catch (DateTimeParseException ex) {
					throw new CustomerInputException("occurredAt", "invalidDate", "is not a date and time");
				}
			}
			return new Interaction(kind, summary, durationMinutes, when);
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getSummary() {
			return summary;
		}

		public void setSummary(String summary) {
			this.summary = summary;
		}

		public Integer getDurationMinutes() {
			return durationMinutes;
		}

		public void setDurationMinutes(Integer durationMinutes) {
			this.durationMinutes = durationMinutes;
		}

		public String getOccurredAt() {
			return occurredAt;
		}

		public void setOccurredAt(String occurredAt) {
			this.occurredAt = occurredAt;
		}

	}

}
