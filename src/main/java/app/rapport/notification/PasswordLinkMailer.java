package app.rapport.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import app.rapport.identity.PasswordLinkIssued;
import app.rapport.identity.PasswordLinkMail;
import app.rapport.identity.UserAdministration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a user their one-time link to choose a password, in their language, once the link is committed; a
 * failed mail is tried again (the event stays in the registry) with a fresh secret.
 */
@Component
class PasswordLinkMailer {

	private final OutboundMail mail;

	private final NoticeText text;

	private final String baseUrl;

	private final Clock clock;

	private final UserAdministration administration;

	PasswordLinkMailer(OutboundMail mail, NoticeText text, @Value("${rapport.base-url}") String baseUrl, Clock clock,
			UserAdministration administration) {
		this.administration = administration;
		this.clock = clock;
		this.mail = mail;
		this.text = text;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** A link already used, replaced by a newer one or expired is not mailed (again). */
	@ApplicationModuleListener
	void on(PasswordLinkIssued issued) {
		administration.mintPasswordLink(issued.linkId())
			.ifPresent(link -> mail.send(message(link, issued.invitation(), clock.instant())));
	}

	MailMessage message(PasswordLinkMail link, boolean invitation, Instant now) {
		Locale locale = NoticeText.locale(link.language());
		String kind = invitation ? "invitation" : "reset";
		long hours = Math.max(1, Duration.between(now, link.expiresAt()).toHours());
		String subject = text.message("notification.passwordLink." + kind + ".subject", null, locale);
		String body = text.message("notification.passwordLink." + kind + ".body",
				new Object[] { link.displayName(), baseUrl + link.path(), hours, link.email() }, locale);
		return new MailMessage(link.email(), subject, body);
	}

}
