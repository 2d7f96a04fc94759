package app.rapport.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any handler, what no handler should see: the character U+0000 in a request parameter
 * (query, form or multipart field; PostgreSQL cannot store or even compare it, H2 would store it), and a
 * request that asks for {@code /error} itself, which only the server's own error dispatch may render.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuard {

	/** The request attribute naming the refused parameters, for the error page. */
	static final String INVALID_FIELDS = RequestGuard.class.getName() + ".fields";

	static final String NUL_REASON = "must not contain the character U+0000";

	private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

	@Bean
	FilterRegistrationBean<GuardFilter> requestGuardFilter() {
		FilterRegistrationBean<GuardFilter> registration = new FilterRegistrationBean<>(new GuardFilter());
		// After character decoding and form parsing (PUT/PATCH), before the security chain (-100).
		registration.setOrder(-150);
		return registration;
	}

	static final class GuardFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean api = path.startsWith("/api/");
			if (path.equals("/error") && request.getDispatcherType() == DispatcherType.REQUEST) {
				if (!acceptsHtml(request)) {
					ProblemWriter.write(response, 404, "Not found", "No such resource.");
				}
				else {
					response.sendError(404);
				}
				return;
			}
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (RuntimeException unreadable) {
				// Tomcat reads a multipart body for its parameters and throws when it cannot (cut short, a part
				// header too long, U+0000 in a file name). Too-large uploads go on to the upload limit advice.
				if (tooLarge(unreadable)) {
					chain.doFilter(request, response);
					return;
				}
				log.debug("Refused {} {}: unreadable parameters: {}", request.getMethod(), path, unreadable.getMessage());
				if (api) {
					ProblemWriter.write(response, 400, "Malformed request",
							"The request body cannot be read: it is cut short, has no boundary, or a part's header or "
									+ "file name is not allowed (too long, or containing U+0000).");
				}
				else {
					response.sendError(400);
				}
				return;
			}
			Map<String, String> refused = new LinkedHashMap<>();
			for (Map.Entry<String, String[]> p : parameters.entrySet()) {
				String name = p.getKey();
				boolean nul = name.indexOf('\u0000') >= 0;
				for (String value : p.getValue()) {
					nul |= value != null && value.indexOf('\u0000') >= 0;
				}
				if (nul) {
					refused.put(name.replace("\u0000", "\\u0000"), NUL_REASON);
				}
			}
			if (refused.isEmpty()) {
				chain.doFilter(request, response);
				return;
			}
			log.debug("Refused {} {}: U+0000 in {}", request.getMethod(), path, refused.keySet());
			if (api) {
				ProblemWriter.write(response, 400, "Invalid input",
						"Parameter " + String.join(", ", refused.keySet()) + " " + NUL_REASON + ".", refused);
			}
			else {
				request.setAttribute(INVALID_FIELDS, refused.keySet());
				response.sendError(400);
			}
		}

		/** As Spring's multipart support decides it: a message about a size that is exceeded. */
		private static boolean tooLarge(Throwable ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
				if (message.contains("size") && message.contains("exceed")) {
					return true;
				}
			}
			return false;
		}

		private static boolean acceptsHtml(HttpServletRequest request) {
			String accept = request.getHeader("Accept");
			return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
		}

	}

}
