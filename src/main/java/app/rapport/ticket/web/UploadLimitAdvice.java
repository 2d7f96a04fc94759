package app.rapport.ticket.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.shared.web.ApiProblemHandler;
import app.rapport.ticket.AttachmentTooLargeException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Too-large uploads. The multipart limit is hit before a handler is chosen, so this advice applies to
 * every request: API paths get a 413 problem, pages go back to the form with an error shown.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitAdvice {

	private static final Pattern TICKET_PAGE = Pattern.compile("^/tickets/(\\d+)(/.*)?$");

	@ExceptionHandler({ MaxUploadSizeExceededException.class, AttachmentTooLargeException.class })
	Object tooLarge(Exception ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			return ApiProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
					"The upload exceeds the allowed size.", Map.of());
		}
		Matcher m = TICKET_PAGE.matcher(path);
		return new ModelAndView("redirect:" + (m.matches() ? "/tickets/" + m.group(1) : "/tickets/new") + "?uploadTooLarge");
	}

}
