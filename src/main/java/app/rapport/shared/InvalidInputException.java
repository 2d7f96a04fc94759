package app.rapport.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown for input that breaks a rule; carries per-field reasons (answered as 400 or a form error). */
public class InvalidInputException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidInputException(String field, String reason) {
		super(field + ": " + reason);
		this.fieldErrors = Map.of(field, reason);
	}

	public InvalidInputException(String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.fieldErrors = new LinkedHashMap<>(fieldErrors);
	}

	/** Field name to reason, never {@code null}. */
	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

}
