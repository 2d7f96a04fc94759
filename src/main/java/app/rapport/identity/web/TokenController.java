package app.rapport.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.identity.ApiTokenService;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.IssuedToken;
import app.rapport.identity.Scope;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own API tokens: list, create (the secret is shown once), revoke. */
@Controller
@PreAuthorize("isAuthenticated()")
class TokenController {

	private final ApiTokenService tokens;

	/** Lifetimes offered on the form, in days; 0 stands for a token that works until revoked. */
	static final List<Integer> LIFETIMES = List.of(0, 7, 30, 90, 365);

	private final FormErrors formErrors;

	private final Clock clock;

	TokenController(ApiTokenService tokens, FormErrors formErrors, Clock clock) {
		this.tokens = tokens;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/profile/tokens")
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Integer page, Model model) {
		return page(me, page, null, List.of(Scope.READ.key()), 90, Map.of(), model);
	}

	@PostMapping("/profile/tokens")
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> scopes, @RequestParam(defaultValue = "0") String lifetimeDays,
			Model model, RedirectAttributes redirect) {
		List<String> chosen = scopes == null ? List.of() : scopes;
		Integer days = LIFETIMES.stream().filter(d -> String.valueOf(d).equals(lifetimeDays)).findFirst().orElse(null);
		if (days == null) {
			return page(me, null, name, chosen, 0, Map.of("expiresAt", formErrors.text("tokens.error.lifetime")), model);
		}
		IssuedToken issued;
		try {
			issued = tokens.issue(me.id(), name, chosen, days == 0 ? null : clock.instant().plus(Duration.ofDays(days)));
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().keySet().forEach(field -> errors.put(field, formErrors.text(switch (field) {
				case "scopes" -> "tokens.error.scopes";
				case "expiresAt" -> "tokens.error.lifetime";
				default -> "tokens.error.name";
			})));
			return page(me, null, name, chosen, days, errors, model);
		}
		redirect.addFlashAttribute("issued", issued);
		return "redirect:/profile/tokens";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(id, me);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/profile/tokens";
	}

	private String page(CurrentUser me, Integer page, String name, List<String> scopes, int lifetimeDays,
			Map<String, String> errors, Model model) {
		model.addAttribute("lifetimes", LIFETIMES);
		model.addAttribute("lifetimeDays", lifetimeDays);
		model.addAttribute("tokens", tokens.tokensOf(me.id(), Paging.of(page, null, Sort.unsorted())));
		model.addAttribute("allowedScopes", me.role().allowedScopes().stream().sorted().map(Scope::key).toList());
		model.addAttribute("name", name);
		model.addAttribute("scopes", scopes);
		model.addAttribute("errors", errors);
		return "identity/tokens";
	}

}
