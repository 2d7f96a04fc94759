package app.rapport.identity.web;

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

	private final FormErrors formErrors;

	TokenController(ApiTokenService tokens, FormErrors formErrors) {
		this.tokens = tokens;
		this.formErrors = formErrors;
	}

	@GetMapping("/profile/tokens")
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Integer page, Model model) {
		return page(me, page, null, List.of(Scope.READ.key()), Map.of(), model);
	}

	@PostMapping("/profile/tokens")
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> scopes, Model model, RedirectAttributes redirect) {
		IssuedToken issued;
		try {
			issued = tokens.issue(me.id(), name, scopes == null ? List.of() : scopes);
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fieldErrors().keySet().forEach(field -> errors.put(field,
					formErrors.text("scopes".equals(field) ? "tokens.error.scopes" : "tokens.error.name")));
			return page(me, null, name, scopes == null ? List.of() : scopes, errors, model);
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

	private String page(CurrentUser me, Integer page, String name, List<String> scopes, Map<String, String> errors,
			Model model) {
		model.addAttribute("tokens", tokens.tokensOf(me.id(), Paging.of(page, null, Sort.unsorted())));
		model.addAttribute("allowedScopes", me.role().allowedScopes().stream().sorted().map(Scope::key).toList());
		model.addAttribute("name", name);
		model.addAttribute("scopes", scopes);
		model.addAttribute("errors", errors);
		return "identity/tokens";
	}

}
