package app.rapport.commitment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.commitment.Breaches;
import app.rapport.commitment.ReasonView;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of breach reasons owners choose from: names in the four languages, active flag and order. */
@Controller
@RequestMapping("/commitments/reasons")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class ReasonAdminController {

	private static final Map<String, String> ERROR_KEYS = Map.of("key", "commitments.reason.error.key", "names.en",
			"commitments.reason.error.name", "names.zh-CN", "commitments.reason.error.name", "names.zh-TW",
			"commitments.reason.error.name", "names.bg", "commitments.reason.error.name");

	private final Breaches breaches;

	private final CommitmentPages pages;

	ReasonAdminController(Breaches breaches, CommitmentPages pages) {
		this.breaches = breaches;
		this.pages = pages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("reasons", breaches.reasons());
		return "commitment/reasons";
	}

	@GetMapping("/new")
	String newReason(Model model) {
		int next = breaches.reasons().stream().mapToInt(ReasonView::position).max().orElse(0) + 10;
		Map<String, String> form = new LinkedHashMap<>(Map.of("key", "", "en", "", "zh-CN", "", "zh-TW", "", "bg", "",
				"position", String.valueOf(next)));
		return form(null, form, true, Map.of(), model);
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model) {
		ReasonView reason = find(key);
		Map<String, String> form = new LinkedHashMap<>(reason.names());
		form.put("key", reason.key());
		form.put("position", String.valueOf(reason.position()));
		return form(reason, form, reason.active(), Map.of(), model);
	}

	@PostMapping
	String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		String key = params.getOrDefault("key", "").strip();
		if (breaches.reasons().stream().anyMatch(r -> r.key().equals(key))) {
			return form(null, params, params.containsKey("active"),
					Map.of("key", pages.text("commitments.reason.error.keyTaken")), model);
		}
		return save(null, key, params, model, redirect);
	}

	@PostMapping("/{key}")
	String update(@PathVariable String key, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		return save(find(key), key, params, model, redirect);
	}

	private String save(ReasonView existing, String key, Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		boolean active = params.containsKey("active");
		Map<String, String> names = new LinkedHashMap<>();
		for (String lang : new String[] { "en", "zh-CN", "zh-TW", "bg" }) {
			names.put(lang, params.getOrDefault(lang, ""));
		}
		int position;
		try {
			position = Integer.parseInt(params.getOrDefault("position", "").strip());
		}
		catch (NumberFormatException ex) {
			return form(existing, params, active, Map.of("position", pages.text("commitments.reason.error.position")), model);
		}
		try {
			breaches.saveReason(key, names, active, position);
		}
		catch (InvalidInputException ex) {
			return form(existing, params, active, pages.localize(ex, ERROR_KEYS), model);
		}
		redirect.addFlashAttribute("saved", key);
		return "redirect:/commitments/reasons";
	}

	private ReasonView find(String key) {
		return breaches.reasons()
			.stream()
			.filter(r -> r.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Breach reason " + key));
	}

	private String form(ReasonView reason, Map<String, String> form, boolean active, Map<String, String> errors,
			Model model) {
		model.addAttribute("reason", reason);
		model.addAttribute("form", form);
		model.addAttribute("active", active);
		model.addAttribute("errors", errors);
		model.addAttribute("languages", new String[] { "en", "zh-CN", "zh-TW", "bg" });
		return "commitment/reason-form";
	}

}
