package app.rapport.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.JsonNodeException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Answers every REST API error as {@code application/problem+json} (RFC 9457) with per-field errors. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(fe.getField(), fe.getDefaultMessage());
		}
		ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.putIfAbsent(ge.getObjectName(), ge.getDefaultMessage()));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid fields.", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach(r -> r.getResolvableErrors()
				.forEach(e -> errors.putIfAbsent(r.getMethodParameter().getParameterName(), e.getDefaultMessage())));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid parameters.", errors);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getConstraintViolations().forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid fields.", errors);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage(), ex.fieldErrors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = ex.getCause() instanceof JacksonException json ? path(json) : "";
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The request body is not valid JSON or does not match the expected shape.",
				field.isEmpty() ? Map.of() : Map.of(field, "has a value of the wrong type or out of range"));
	}

	/** A JSON tree the controller reads itself holds a value of the wrong kind, e.g. a number beyond a long. */
	@ExceptionHandler(JsonNodeException.class)
	ResponseEntity<ProblemDetail> unreadableTree(JsonNodeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"A value in the request body has the wrong type or is out of range.", Map.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		String reason = ex instanceof MethodArgumentTypeMismatchException ? "has an invalid value" : "is required";
		// A converter that refuses a value for a reason of ours (a date out of range) says why.
		for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid && invalid.fieldErrors().size() == 1) {
				reason = invalid.fieldErrors().values().iterator().next();
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Parameter '" + name + "' " + reason + ".",
				Map.of(name, reason));
	}

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	ResponseEntity<ProblemDetail> badMultipart(Exception ex) {
		return UnreadableRequests.multipartProblem(ex);
	}

	/** A value the database refused although no check caught it before (see {@link DatabaseRefusals}). */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException ex)
			throws DataIntegrityViolationException {
		if (!DatabaseRefusals.isRefusedValue(ex)) {
			throw ex;
		}
		DatabaseRefusals.log(ex);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A value does not fit where it is stored.", Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"Send the body as " + ex.getSupportedMediaTypes() + ".", Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
				"Method " + ex.getMethod() + " is not supported here.", Map.of());
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> notFound(Exception ex) {
		String detail = ex instanceof NotFoundException ? ex.getMessage() : "No such resource.";
		return problem(HttpStatus.NOT_FOUND, "Not found", detail, Map.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), Map.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"Someone else changed this resource; reload it and apply your change again.", Map.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
				"The upload exceeds the allowed size.", Map.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> forbidden(Exception ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this.", Map.of());
	}

	/** A JSON path as the API names fields: {@code requester.name}, {@code tags[0]}. */
	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference r : ex.getPath()) {
			if (r.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				path.append('[').append(r.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** Builds the problem response; {@code errors} become an {@code errors} list of {field, message}. */
	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			Map<String, String> fieldErrors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		pd.setType(URI.create("about:blank"));
		if (!fieldErrors.isEmpty()) {
			List<Map<String, String>> errors = fieldErrors.entrySet()
				.stream()
				.map(e -> Map.of("field", e.getKey(), "message", String.valueOf(e.getValue())))
				.toList();
			pd.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}

}
