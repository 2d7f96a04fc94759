package app.rapport.ticket;

/** What a conversation shows of an attachment; the file itself is served by the ticket's attachment URL. */
public record AttachmentView(long id, String filename, String contentType, long size) {
}
