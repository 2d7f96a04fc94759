package app.rapport.ticket;

import java.nio.file.Path;

/** An attachment ready to be served: its stored file, name, declared type and size. */
public record AttachmentFile(String filename, String contentType, long size, Path path) {
}
