package app.rapport.ticket;

import org.springframework.core.io.InputStreamSource;

/** A file to attach to a new message, e.g. a multipart part (which is an {@link InputStreamSource}). */
public record Upload(String filename, String contentType, long size, InputStreamSource content) {
}
