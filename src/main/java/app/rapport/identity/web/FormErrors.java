package app.rapport.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.identity.Passwords;
import app.rapport.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the English per-field reasons of {@link InvalidInputException} into messages in the user's
 * language, so that forms never show the API's wording.
 */
@Component
class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** Field name to localized message; the submitted password (may be {@code null}) names its weakness. */
	Map<String, String> localize(InvalidInputException ex, String submittedPassword) {
		Map<String, String> result = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, reason) -> result.put(field, messageFor(field, reason, submittedPassword)));
		return result;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private String messageFor(String field, String reason, String submittedPassword) {
		boolean taken = reason.contains("already in use");
		return switch (field) {
			case "email" -> text(taken ? "admin.error.emailTaken" : "admin.error.email");
			case "displayName" -> text("admin.error.displayName");
			case "role" -> text(reason.contains("last active admin") ? "admin.error.lastAdmin" : "admin.error.role");
			case "language", "spokenLanguages" -> text("form.invalidLanguage");
			case "timeZone" -> text("form.invalidTimeZone");
			case "groupIds" -> text("admin.error.groups");
			case "name" -> text(taken ? "admin.error.groupNameTaken" : "admin.error.groupName");
			case "members", "memberIds" -> text("admin.error.members");
			case "assignmentMode" -> text("form.required");
			case "currentPassword" -> text("profile.password.wrongCurrent");
			case "confirmation" -> text("profile.password.mismatch");
			case "password", "newPassword" -> Passwords.check(submittedPassword)
				.map(w -> text(w.messageKey(), w == Passwords.Weakness.TOO_LONG ? Passwords.MAX_LENGTH : Passwords.MIN_LENGTH))
				.orElseGet(() -> text("admin.error.invalid"));
			default -> text("admin.error.invalid");
		};
	}

}
