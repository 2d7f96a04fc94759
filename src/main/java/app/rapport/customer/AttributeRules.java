package app.rapport.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates custom-attribute definitions and values. Values are stored in a normal form: numbers as
 * plain decimals ({@code 1200.5}), dates as ISO ({@code 2025-03-01}), choices exactly as defined.
 */
public final class AttributeRules {

	public static final int MAX_VALUE_LENGTH = 1000;

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,59}");

	private AttributeRules() {
	}

	/** Problems with a new definition; {@code existingKeys} are the keys already used for the same target. */
	public static List<FieldProblem> checkDefinition(String key, String label, AttributeType type, List<String> options,
			Collection<String> existingKeys) {
		List<FieldProblem> problems = new ArrayList<>();
		if (key == null || !KEY.matcher(key).matches()) {
			problems.add(new FieldProblem("key", "attributeKey",
					"must start with a lower-case letter and contain only a-z, 0-9 and _ (at most 60)"));
		}
		else if (existingKeys.contains(key)) {
			problems.add(new FieldProblem("key", "attributeKeyTaken", "is already used by another attribute"));
		}
		if (label == null || label.isBlank()) {
			problems.add(new FieldProblem("label", "required", "is required"));
		}
		else if (label.length() > 200) {
			problems.add(new FieldProblem("label", "tooLong", "must be at most 200 characters"));
		}
		if (type == null) {
			problems.add(new FieldProblem("type", "attributeType", "must be TEXT, NUMBER, DATE or CHOICE"));
		}
		else if (type == AttributeType.CHOICE) {
			if (options == null || options.isEmpty()) {
				problems.add(new FieldProblem("options", "choiceOptions", "a choice needs at least one option"));
			}
			else if (options.stream().anyMatch(o -> o.isBlank() || o.length() > 100 || o.contains("\n"))
					|| options.stream().distinct().count() != options.size() || String.join("\n", options).length() > 2000) {
				problems.add(new FieldProblem("options", "choiceOptions",
						"options must be distinct, non-blank and at most 100 characters each"));
			}
		}
		return problems;
	}

	/** Cleans a list of options typed one per line (or separated by commas). */
	public static List<String> parseOptions(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().flatMap(l -> List.of(l.split(",")).stream()).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** The normal form of {@code raw} for this attribute, or the reason it is not acceptable. */
	public static Result normalize(AttributeSpec spec, String raw) {
		String value = raw == null ? "" : raw.trim();
		if (value.isEmpty()) {
			return Result.ok(null);
		}
		if (value.length() > MAX_VALUE_LENGTH) {
			return Result.problem("tooLong", "must be at most " + MAX_VALUE_LENGTH + " characters");
		}
		switch (spec.type()) {
			case TEXT:
				return Result.ok(value);
			case NUMBER:
				try {
					BigDecimal number = new BigDecimal(value.replace(" ", "").replace("\u00a0", ""));
					String plain = number.stripTrailingZeros().toPlainString();
					return plain.length() > 40 ? Result.problem("invalidNumber", "is not a number")
							: Result.ok(plain);
				}
				catch (NumberFormatException ex) {
					return Result.problem("invalidNumber", "is not a number (use digits and a decimal point, e.g. 1200.50)");
				}
			case DATE:
				try {
					return Result.ok(LocalDate.parse(value).toString());
				}
				catch (DateTimeParseException ex) {
					return Result.problem("invalidDate", "is not a date (use YYYY-MM-DD)");
				}
			case CHOICE:
				Optional<String> option = spec.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst();
				return option.map(Result::ok)
					.orElseGet(() -> Result.problem("invalidChoice", "must be one of " + String.join(", ", spec.options())));
			default:
				throw new IllegalStateException(spec.type().name());
		}
	}

	/**
	 * Normal forms of all given values (blank values dropped, meaning "no value"), with a problem per bad
	 * or unknown key; problems are named {@code attributes.<key>}.
	 */
	public static Map<String, String> normalizeAll(Map<String, String> raw, Collection<AttributeSpec> specs,
			List<FieldProblem> problems) {
		Map<String, AttributeSpec> byKey = new LinkedHashMap<>();
		specs.forEach(s -> byKey.put(s.key(), s));
		Map<String, String> result = new LinkedHashMap<>();
		if (raw == null) {
			return result;
		}
		raw.forEach((key, value) -> {
			AttributeSpec spec = byKey.get(key);
			if (spec == null) {
				problems.add(new FieldProblem("attributes." + key, "unknownAttribute", "is not a defined attribute"));
				return;
			}
			Result r = normalize(spec, value);
			if (r.code() != null) {
				problems.add(new FieldProblem("attributes." + key, r.code(), r.reason()));
			}
			else if (r.value() != null) {
				result.put(key, r.value());
			}
		});
		return result;
	}

	/** Either a normal-form value ({@code null} for "no value") or a problem code and reason. */
	public record Result(String value, String code, String reason) {

		static Result ok(String value) {
			return new Result(value, null, null);
		}

		static Result problem(String code, String reason) {
			return new Result(null, code, reason);
		}

	}

}
