package app.rapport.ticket.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.ticket.FieldKind;
import app.rapport.ticket.TicketFields;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for custom ticket fields: define text, number, date and choice fields; rename or retire them. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TicketFieldAdminController {

	private final TicketFields fields;

	TicketFieldAdminController(TicketFields fields) {
		this.fields = fields;
	}

	@GetMapping("/admin/ticket-fields")
	String list(Model model) {
		return page(model, Map.of(), "", "", FieldKind.TEXT, "");
	}

	@PostMapping("/admin/ticket-fields")
	String define(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String label,
			@RequestParam(defaultValue = "TEXT") FieldKind kind, @RequestParam(defaultValue = "") String choices,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			fields.define(key, label, kind, lines(choices));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/ticket-fields";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().keySet().forEach(f -> errors.put(f, "ticket.fields.error." + f));
			return page(model, errors, key, label, kind, choices);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, Map.of("key", "ticket.fields.error.duplicate"), key, label, kind, choices);
		}
	}

	@PostMapping("/admin/ticket-fields/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String label,
			@RequestParam(defaultValue = "") String choices, @RequestParam(defaultValue = "false") boolean active,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			fields.update(id, label, lines(choices), active);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/ticket-fields";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, Map.of("field" + id, "ticket.fields.error.update"), "", "", FieldKind.TEXT, "");
		}
	}

	private String page(Model model, Map<String, String> errors, String key, String label, FieldKind kind,
			String choices) {
		model.addAttribute("fields", fields.all());
		model.addAttribute("kinds", FieldKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("key", key);
		model.addAttribute("label", label);
		model.addAttribute("kind", kind);
		model.addAttribute("choices", choices);
		return "ticket/fields";
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
