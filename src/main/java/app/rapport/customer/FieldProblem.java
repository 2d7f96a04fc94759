package app.rapport.customer;

/**
 * One broken rule on one field: a stable {@code code} (the UI shows {@code customer.error.<code>} in the
 * user's language, with {@code argument} as {0}) and an English {@code reason} (the API's message).
 */
public record FieldProblem(String field, String code, String reason, String argument) {

	public FieldProblem(String field, String code, String reason) {
		this(field, code, reason, null);
	}

}
