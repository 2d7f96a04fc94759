package app.rapport.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import app.rapport.identity.PasswordLinkIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Mails a user their one-time link to choose a password, in their language, once the link is committed. */
@Component
class PasswordLinkMailer {

	private static final Logger log = LoggerFactory.getLogger(PasswordLinkMailer.class);

	private final OutboundMail mail;

	private final NoticeText text;

	private final String baseUrl;

	private final java.time.Clock clock;

	PasswordLinkMailer(OutboundMail mail, NoticeText text, @Value("${rapport.base-url}") String baseUrl,
			java.time.Clock clock) {
		this.clock = clock;
		this.mail = mail;
		this.text = text;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void send(PasswordLinkIssued issued) {
		try {
			mail.send(message(issued, clock.instant()));
		}
		catch (RuntimeException ex) {
			// The admin sees that the user has not set a password yet and can send a new link.
			log.warn("Mail with a password link to user {} failed: {}", issued.userId(), ex.toString());
		}
	}

	MailMessage message(PasswordLinkIssued issued, Instant now) {
		Locale locale = NoticeText.locale(issued.language());
		String kind = issued.invitation() ? "invitation" : "reset";
		long hours = Math.max(1, Duration.between(now, issued.expiresAt()).toHours());
		String subject = text.message("notification.passwordLink." + kind + ".subject", null, locale);
		String body = text.message("notification.passwordLink." + kind + ".body",
				new Object[] { issued.displayName(), baseUrl + issued.path(), hours, issued.email() }, locale);
		return new MailMessage(issued.email(), subject, body);
	}

}
