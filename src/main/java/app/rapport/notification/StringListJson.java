package app.rapport.notification;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a list of strings as JSON array text, which both H2 and PostgreSQL keep in a plain varchar. */
@Converter
class StringListJson implements AttributeConverter<List<String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> LIST = new TypeReference<>() {
	};

	@Override
	public String convertToDatabaseColumn(List<String> values) {
		return JSON.writeValueAsString(values == null ? List.of() : values);
	}

	@Override
	public List<String> convertToEntityAttribute(String json) {
		return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, LIST));
	}

}
