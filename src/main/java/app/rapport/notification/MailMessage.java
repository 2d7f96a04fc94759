package app.rapport.notification;

/**
 * A plain-text e-mail to one recipient.
 *
 * @param to the recipient's address; never {@code null}
 * @param subject one line; never {@code null}
 * @param textBody the body as plain text; never {@code null}
 */
public record MailMessage(String to, String subject, String textBody) {

	public MailMessage {
		if (to == null || to.isBlank() || subject == null || textBody == null) {
			throw new IllegalArgumentException("MailMessage needs a recipient, a subject and a body");
		}
	}

}
