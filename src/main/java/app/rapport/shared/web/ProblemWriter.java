package app.rapport.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/** Writes a small problem+json body from filters, where no controller advice runs. */
public final class ProblemWriter {

	private ProblemWriter() {
	}

	public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		write(response, status, title, detail, Map.of());
	}

	/** As {@link #write(HttpServletResponse, int, String, String)}, with an {@code errors} list of {field, message}. */
	public static void write(HttpServletResponse response, int status, String title, String detail,
			Map<String, String> fieldErrors) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		StringBuilder json = new StringBuilder().append("{\"type\":\"about:blank\",\"title\":\"")
			.append(escape(title))
			.append("\",\"status\":")
			.append(status)
			.append(",\"detail\":\"")
			.append(escape(detail))
			.append('"');
		if (!fieldErrors.isEmpty()) {
			json.append(",\"errors\":[");
			String separator = "";
			for (Map.Entry<String, String> e : fieldErrors.entrySet()) {
				json.append(separator)
					.append("{\"field\":\"")
					.append(escape(e.getKey()))
					.append("\",\"message\":\"")
					.append(escape(e.getValue()))
					.append("\"}");
				separator = ",";
			}
			json.append(']');
		}
		response.getWriter().write(json.append('}').toString());
	}

	private static String escape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
