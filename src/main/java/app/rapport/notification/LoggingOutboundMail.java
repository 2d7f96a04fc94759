package app.rapport.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OutboundMail}: logs one line per message instead of sending it. The real SMTP channel
 * comes with the mail channel issue and replaces this bean.
 */
class LoggingOutboundMail implements OutboundMail {

	private static final Logger log = LoggerFactory.getLogger(LoggingOutboundMail.class);

	@Override
	public void send(MailMessage message) {
		log.info("mail to {}: {}", message.to(), message.subject());
	}

}
