package app.rapport.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration start page: links to users, groups, tokens and the custom-field pages. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

	@GetMapping("/admin")
	String index() {
		return "identity/admin/index";
	}

}
