package app.rapport.shared.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the shared exceptions that escape a web controller as the localized error page with the right
 * status (404, 409, 400, the refused fields named) instead of a 500. REST controllers are answered by
 * {@link ApiProblemHandler} first, which has the higher precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorPages {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND, List.of());
	}

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	ModelAndView conflict() {
		return page(HttpStatus.CONFLICT, List.of());
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalidInput(InvalidInputException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.fieldErrors().keySet());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception ex) {
		return page(HttpStatus.BAD_REQUEST, List.of(ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName()));
	}

	/** A value the database refused although no check caught it before (see {@link DatabaseRefusals}). */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView refusedByTheDatabase(DataIntegrityViolationException ex) throws DataIntegrityViolationException {
		if (!DatabaseRefusals.isRefusedValue(ex)) {
			throw ex;
		}
		DatabaseRefusals.log(ex);
		return page(HttpStatus.BAD_REQUEST, List.of());
	}

	static ModelAndView page(HttpStatus status, Collection<String> fields) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status.value());
		model.put("error", status.getReasonPhrase());
		model.put("fields", List.copyOf(fields));
		return new ModelAndView("error", model, status);
	}

}
