package app.rapport.shared.web;

import java.util.Map;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the shared exceptions that escape a web controller as the localized error page with the right
 * status (404, 409, 400) instead of a 500. REST controllers are answered by {@link ApiProblemHandler}
 * first, which has the higher precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorPages {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	ModelAndView conflict() {
		return page(HttpStatus.CONFLICT);
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalidInput() {
		return page(HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView page(HttpStatus status) {
		return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase()), status);
	}

}
