package app.rapport.commitment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a commitment by its API key ({@code first_response}), as the pause rules and reports do. */
@Converter
class CommitmentKeyConverter implements AttributeConverter<Commitment, String> {

	@Override
	public String convertToDatabaseColumn(Commitment commitment) {
		return commitment == null ? null : commitment.key();
	}

	@Override
	public Commitment convertToEntityAttribute(String key) {
		return key == null ? null : Commitment.fromKey(key);
	}

}
