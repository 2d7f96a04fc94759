package app.rapport.identity.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.Role;
import app.rapport.shared.InvalidInputException;

/** Names of roles and assignment modes as the API spells them (lower case), both ways. */
final class IdentityApiSupport {

	private IdentityApiSupport() {
	}

	static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** The role, or {@code null} when not given; a 400 naming the field for an unknown one. */
	static Role role(String value) {
		return parse(Role.class, "role", value);
	}

	static AssignmentMode mode(String value) {
		return parse(AssignmentMode.class, "assignmentMode", value);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null) {
			return null;
		}
		String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(IdentityApiSupport::name)
				.collect(Collectors.joining(", "))));
	}

	/** The version a change is based on: If-Match wins over a {@code version} field; {@code null} when neither. */
	static Long expectedVersion(String ifMatch, Long bodyVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return bodyVersion;
		}
		String v = ifMatch.trim();
		if (v.startsWith("W/")) {
			v = v.substring(2);
		}
		try {
			return Long.parseLong(v.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "must be the ETag of the version you read, e.g. \"3\"");
		}
	}

	static <T> List<T> orEmpty(List<T> values) {
		return values == null ? List.of() : values;
	}

}
