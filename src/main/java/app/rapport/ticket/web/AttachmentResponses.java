package app.rapport.ticket.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import app.rapport.ticket.AttachmentFile;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * Serves uploaded files so that they can never run in our origin: always as a download, never sniffed,
 * sandboxed, and anything that a browser could render as a document (HTML, SVG, XML) typed as bytes.
 */
public final class AttachmentResponses {

	private static final Pattern SIMPLE_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

	private AttachmentResponses() {
	}

	public static ResponseEntity<Resource> serve(AttachmentFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.filename()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(safeType(file.contentType()))
			.contentLength(file.size())
			.body(new FileSystemResource(file.path()));
	}

	/** The declared type if harmless; {@code application/octet-stream} for markup, scripts and odd values. */
	static MediaType safeType(String declared) {
		String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
		int semicolon = type.indexOf(';');
		if (semicolon >= 0) {
			type = type.substring(0, semicolon);
		}
		type = type.strip();
		boolean markup = type.contains("html") || type.contains("xml") || type.contains("svg")
				|| type.contains("javascript") || type.contains("ecmascript") || type.startsWith("multipart/");
		if (markup || !SIMPLE_TYPE.matcher(type).matches()) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
		return MediaType.parseMediaType(type);
	}

	static String contentDisposition(String filename) {
		StringBuilder ascii = new StringBuilder();
		for (char c : filename.toCharArray()) {
			ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_');
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ UriUtils.encode(filename, StandardCharsets.UTF_8);
	}

}
