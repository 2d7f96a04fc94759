package app.rapport.notification;

import java.util.List;
import java.util.Locale;

import app.rapport.identity.UserSummary;
import app.rapport.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes a notice as an e-mail in each recipient's language and hands it to {@link OutboundMail}. */
@Component
class NoticeMailer {

	private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

	private final OutboundMail mail;

	private final NoticeText text;

	private final String baseUrl;

	private final TicketService tickets;

	NoticeMailer(OutboundMail mail, NoticeText text, @Value("${rapport.base-url}") String baseUrl,
			TicketService tickets) {
		this.tickets = tickets;
		this.mail = mail;
		this.text = text;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Sends one mail per recipient; a failure is logged and does not stop the others. A notice about a ticket
	 * goes only to those who may see that ticket when the mail leaves.
	 */
	void send(List<UserSummary> recipients, Notice notice) {
		for (UserSummary user : recipients) {
			if (notice.ticketId() != null && !tickets.visibleTo(user, List.of(notice.ticketId())).contains(notice.ticketId())) {
				log.info("Mail about {} not sent to user {}: they may not see ticket {}", notice.kind(), user.id(),
						notice.ticketId());
				continue;
			}
			try {
				mail.send(message(user, notice));
			}
			catch (RuntimeException ex) {
				log.warn("Mail about {} to user {} failed: {}", notice.kind(), user.id(), ex.toString());
			}
		}
	}

	MailMessage message(UserSummary user, Notice notice) {
		Locale locale = NoticeText.locale(user.language());
		String rendered = text.render(notice, locale);
		String link = baseUrl + (notice.link() != null ? notice.link() : "/notifications");
		// A subject is one header line, whatever the notice's arguments hold.
		String subject = text.message("notification.mail.subject", new Object[] { rendered }, locale)
			.replaceAll("[\\r\\n]+", " ");
		String body = text.message("notification.mail.body", new Object[] { rendered, link, user.displayName() },
				locale);
		return new MailMessage(user.email(), subject, body);
	}

}
