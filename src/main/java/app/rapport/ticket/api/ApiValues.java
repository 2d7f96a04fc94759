package app.rapport.ticket.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import app.rapport.shared.InvalidInputException;

/** Parses enum values from API input case-insensitively, with a clear reason when they are unknown. */
final class ApiValues {

	private ApiValues() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		try {
			return Enum.valueOf(type, normalized);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "must be one of " + allowed(type));
		}
	}

	static String allowed(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants())
			.map(e -> e.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

}
