package app.rapport.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds a {@code multipart/form-data} body byte by byte, odd parts included (for upload tests). */
public final class Multipart {

	private final String boundary = "rapport-" + UUID.randomUUID();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	/** A text field. */
	public Multipart text(String name, String value) {
		return text(name, value, null);
	}

	/** A text field with its own {@code Content-Type} header (none when {@code contentType} is null). */
	public Multipart text(String name, String value, String contentType) {
		head("form-data; name=\"" + name + "\"", contentType);
		write(value.getBytes(StandardCharsets.UTF_8));
		write("\r\n");
		return this;
	}

	/** A file part; {@code filename} and {@code contentType} are written exactly as given. */
	public Multipart file(String name, String filename, String contentType, byte[] content) {
		head("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", contentType);
		write(content);
		write("\r\n");
		return this;
	}

	/** The body with its closing boundary. */
	public byte[] body() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.writeBytes(out.toByteArray());
		copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	/** The body as it would be cut off before its closing boundary. */
	public byte[] truncatedBody() {
		return out.toByteArray();
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	private void head(String disposition, String contentType) {
		write("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n");
		if (contentType != null) {
			write("Content-Type: " + contentType + "\r\n");
		}
		write("\r\n");
	}

	private void write(String text) {
		write(text.getBytes(StandardCharsets.UTF_8));
	}

	private void write(byte[] bytes) {
		out.writeBytes(bytes);
	}

}
