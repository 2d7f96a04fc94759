package app.rapport.identity.web;

import java.util.HashSet;
import java.util.Set;

import app.rapport.identity.ApiTokenService;
import app.rapport.identity.ApiTokenView;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.Paging;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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

/** Every user's API tokens for admins, with their owners and a revoke button. */
@Controller
@RequestMapping("/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
class TokenAdminController {

	private final ApiTokenService tokens;

	private final UserDirectory directory;

	TokenAdminController(ApiTokenService tokens, UserDirectory directory) {
		this.tokens = tokens;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, Model model) {
		Page<ApiTokenView> found = tokens.allTokens(Paging.of(page, null, Sort.unsorted()));
		Set<Long> ownerIds = new HashSet<>();
		found.forEach(t -> ownerIds.add(t.userId()));
		model.addAttribute("tokens", found);
		model.addAttribute("owners", directory.users(ownerIds));
		return "identity/admin/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) Integer page, RedirectAttributes redirect) {
		tokens.revoke(id, me);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/admin/tokens" + (page == null ? "" : "?page=" + page);
	}

}
