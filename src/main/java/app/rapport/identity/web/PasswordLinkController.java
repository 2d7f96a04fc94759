package app.rapport.identity.web;

import java.util.Map;

import app.rapport.identity.Passwords;
import app.rapport.identity.UserAdministration;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a one-time link opens, where a new or reset user chooses their password; needs no sign-in. */
@Controller
class PasswordLinkController {

	private final UserAdministration administration;

	private final FormErrors formErrors;

	PasswordLinkController(UserAdministration administration, FormErrors formErrors) {
		this.administration = administration;
		this.formErrors = formErrors;
	}

	@GetMapping("/password/set")
	String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (!administration.isPasswordLinkUsable(token)) {
			return spent(model, response);
		}
		return page(token, Map.of(), model);
	}

	@PostMapping("/password/set")
	String set(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmation, Model model, HttpServletResponse response) {
		String email;
		try {
			email = administration.setPasswordWithLink(token, newPassword, confirmation);
		}
		catch (NotFoundException ex) {
			return spent(model, response);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, formErrors.localize(ex, newPassword), model);
		}
		model.addAttribute("email", email);
		return "identity/password-set-done";
	}

	private String page(String token, Map<String, String> errors, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("errors", errors);
		model.addAttribute("minPasswordLength", Passwords.MIN_LENGTH);
		return "identity/password-set";
	}

	/** Unknown, used, replaced and expired links look the same: nothing tells a guesser which it was. */
	private String spent(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("spent", true);
		return "identity/password-set";
	}

}
