package app.rapport.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes a notice as an e-mail in each recipient's language and hands it to {@link OutboundMail}. */
@Component
class NoticeMailer {

	private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

	private final OutboundMail mail;

	private final NoticeText text;

	private final String baseUrl;

	private final TicketService tickets;

	private final NotificationRepository notifications;

	private final UserDirectory directory;

	private final Clock clock;

	NoticeMailer(OutboundMail mail, NoticeText text, @Value("${rapport.base-url}") String baseUrl,
			TicketService tickets, NotificationRepository notifications, UserDirectory directory, Clock clock) {
		this.notifications = notifications;
		this.directory = directory;
		this.clock = clock;
		this.tickets = tickets;
		this.mail = mail;
		this.text = text;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Mails a stored notice to its recipient, after the transaction that stored it committed, at least once:
	 * a failure leaves the event to be delivered again (with backoff), a notice already mailed is not mailed
	 * again. A notice about a ticket goes only to those who may see that ticket when the mail leaves, and
	 * nothing goes to a user deactivated in the meantime.
	 */
	@ApplicationModuleListener
	void on(NoticeStored stored) {
		Notification notification = notifications.findById(stored.notificationId()).orElse(null);
		if (notification == null || notification.getMailedAt() != null) {
			return;
		}
		UserSummary user = directory.user(notification.getUserId()).filter(UserSummary::active).orElse(null);
		Notice notice = notification.notice();
		if (user == null) {
			return;
		}
		if (notice.ticketId() != null && !tickets.visibleTo(user, List.of(notice.ticketId())).contains(notice.ticketId())) {
			log.info("Mail about {} not sent to user {}: they may not see ticket {}", notice.kind(), user.id(),
					notice.ticketId());
			return;
		}
		mail.send(message(user, notice));
		notification.markMailed(clock.instant());
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
