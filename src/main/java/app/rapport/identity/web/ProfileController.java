package app.rapport.identity.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import app.rapport.identity.CurrentUser;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own profile: language and time zone, remembered in their account, and their password. */
@Controller
class ProfileController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList();

	private final UserAdministration administration;

	private final UserDirectory directory;

	private final LocaleResolver localeResolver;

	private final FormErrors formErrors;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ProfileController(UserAdministration administration, UserDirectory directory, LocaleResolver localeResolver,
			FormErrors formErrors) {
		this.formErrors = formErrors;
		this.administration = administration;
		this.directory = directory;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("user", directory.user(me.id()).orElseThrow());
		model.addAttribute("languages", Languages.TAGS);
		model.addAttribute("zones", ZONES);
		model.addAttribute("minPasswordLength", app.rapport.identity.Passwords.MIN_LENGTH);
		return "identity/profile";
	}

	@PostMapping("/profile")
	String save(@AuthenticationPrincipal CurrentUser me, @RequestParam String language, @RequestParam String timeZone,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			administration.updatePreferences(me.id(), language, timeZone);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			return profile(me, model);
		}
		applyToSession(language, timeZone, request, response);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/profile";
	}

	/** Changes the user's own password; this session stays signed in, every other one of theirs ends. */
	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmation,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		CurrentUser changed;
		try {
			changed = administration.changeOwnPassword(me, currentPassword, newPassword, confirmation);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("passwordErrors", formErrors.localize(ex, newPassword));
			return profile(me, model);
		}
		var token = UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/profile";
	}

	/** The language switch in the header: changes the UI language now and remembers it. */
	@PostMapping("/profile/language")
	String switchLanguage(@AuthenticationPrincipal CurrentUser me, @RequestParam String language,
			@RequestParam(required = false) String returnTo, HttpServletRequest request, HttpServletResponse response) {
		var user = directory.user(me.id()).orElseThrow();
		administration.updatePreferences(me.id(), language, user.timeZone());
		applyToSession(language, user.timeZone(), request, response);
		boolean safeTarget = returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//");
		return "redirect:" + (safeTarget ? returnTo : "/");
	}

	private void applyToSession(String language, String timeZone, HttpServletRequest request,
			HttpServletResponse response) {
		localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
		request.getSession().setAttribute(SessionLocaleResolver.TIME_ZONE_SESSION_ATTRIBUTE_NAME,
				TimeZone.getTimeZone(timeZone));
	}

}
