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

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own profile: language and time zone, remembered in their account. */
@Controller
class ProfileController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList();

	private final UserAdministration administration;

	private final UserDirectory directory;

	private final LocaleResolver localeResolver;

	ProfileController(UserAdministration administration, UserDirectory directory, LocaleResolver localeResolver) {
		this.administration = administration;
		this.directory = directory;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("user", directory.user(me.id()).orElseThrow());
		model.addAttribute("languages", Languages.TAGS);
		model.addAttribute("zones", ZONES);
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
