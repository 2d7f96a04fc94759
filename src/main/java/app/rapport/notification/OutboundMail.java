package app.rapport.notification;

/** The way out for e-mail Rapport sends on its own behalf; replace the bean to deliver for real. */
public interface OutboundMail {

	/** Sends or queues the message; may throw when the channel fails, which callers log. */
	void send(MailMessage message);

}
