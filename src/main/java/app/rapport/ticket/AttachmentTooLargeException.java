package app.rapport.ticket;

/** Thrown when an attachment exceeds {@code rapport.attachments.max-size} (answered as 413 by the API). */
public class AttachmentTooLargeException extends RuntimeException {

	public AttachmentTooLargeException(String filename, long maxBytes) {
		super("Attachment " + filename + " is larger than the allowed " + maxBytes + " bytes.");
	}

}
