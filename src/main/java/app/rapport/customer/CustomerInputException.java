package app.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.shared.InvalidInputException;

/** Input that breaks the customer file's rules; answered as 400 with per-field errors, or as form errors. */
public class CustomerInputException extends InvalidInputException {

	private final List<FieldProblem> problems;

	public CustomerInputException(List<FieldProblem> problems) {
		super(detail(problems), asMap(problems));
		this.problems = List.copyOf(problems);
	}

	public CustomerInputException(String field, String code, String reason) {
		this(List.of(new FieldProblem(field, code, reason)));
	}

	/** The broken rules, in the order they were found; never empty. */
	public List<FieldProblem> problems() {
		return problems;
	}

	private static String detail(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		return problems.size() == 1 ? first.field() + ": " + first.reason()
				: "The request has " + problems.size() + " invalid fields.";
	}

	private static Map<String, String> asMap(List<FieldProblem> problems) {
		Map<String, String> map = new LinkedHashMap<>();
		problems.forEach(p -> map.putIfAbsent(p.field(), p.reason()));
		return map;
	}

}
