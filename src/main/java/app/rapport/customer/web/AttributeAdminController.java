package app.rapport.customer.web;

import app.rapport.customer.AttributeRules;
import app.rapport.customer.AttributeTarget;
import app.rapport.customer.AttributeType;
import app.rapport.customer.CustomerAttributes;
import app.rapport.customer.CustomerInputException;
import app.rapport.customer.CustomerRules;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for custom attributes of contacts and organizations. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AttributeAdminController {

	private final CustomerAttributes attributes;

	private final WebSupport web;

	AttributeAdminController(CustomerAttributes attributes, WebSupport web) {
		this.attributes = attributes;
		this.web = web;
	}

	@GetMapping("/admin/customer-attributes")
	String page(Model model) {
		model.addAttribute("contactAttributes", attributes.definitions(AttributeTarget.CONTACT));
		model.addAttribute("organizationAttributes", attributes.definitions(AttributeTarget.ORGANIZATION));
		model.addAttribute("targets", AttributeTarget.values());
		model.addAttribute("types", AttributeType.values());
		return "customer/attributes";
	}

	@PostMapping("/admin/customer-attributes")
	String define(@RequestParam(required = false) String target, @RequestParam(required = false) String key,
			@RequestParam(required = false) String label, @RequestParam(required = false) String type,
			@RequestParam(required = false) String options, Model model, RedirectAttributes redirect) {
		try {
			attributes.define(CustomerRules.parse(AttributeTarget.class, target), key == null ? null : key.trim(), label,
					CustomerRules.parse(AttributeType.class, type), AttributeRules.parseOptions(options));
		}
		catch (CustomerInputException ex) {
			model.addAttribute("errors", web.errors(ex.problems()));
			model.addAttribute("entered", java.util.Map.of("target", String.valueOf(target), "key", String.valueOf(key),
					"label", String.valueOf(label), "type", String.valueOf(type), "options", options == null ? "" : options));
			return page(model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/customer-attributes";
	}

	@PostMapping("/admin/customer-attributes/{id}/delete")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		attributes.remove(id);
		redirect.addFlashAttribute("removed", true);
		return "redirect:/admin/customer-attributes";
	}

}
