package app.rapport.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * A multipart body that cannot be read (cut short, no boundary, a file name with U+0000) fails before a
 * handler is chosen, where the advices bound to controllers do not apply: it is answered here, for every
 * request, as a 400 problem on API paths and as the error page otherwise. Too-large uploads have their own
 * advice, which comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class UnreadableRequests {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	Object unreadableMultipart(Exception ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			return multipartProblem(ex);
		}
		log.debug("Unreadable multipart request to {}: {}", path, ex.getMessage());
		return WebErrorPages.page(HttpStatus.BAD_REQUEST,
				ex instanceof MissingServletRequestPartException missing ? List.of(missing.getRequestPartName()) : List.of());
	}

	static ResponseEntity<ProblemDetail> multipartProblem(Exception ex) {
		log.debug("Unreadable multipart request: {}", ex.getMessage());
		if (ex instanceof MissingServletRequestPartException missing) {
			return ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input",
					"Part '" + missing.getRequestPartName() + "' is required.",
					Map.of(missing.getRequestPartName(), "is required"));
		}
		return ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, "Malformed multipart request",
				"The multipart body cannot be read: it is cut short, has no boundary, or a part's name or file name "
						+ "is not allowed (such as one containing U+0000).",
				Map.of());
	}

}
