package app.rapport.customer;

import java.util.List;
import java.util.Map;

/**
 * Everything a person can set on a contact, as entered (enum-like fields as text, so that a wrong value
 * becomes a field error rather than a parse failure). Lists and maps are never {@code null}.
 */
public record ContactDetails(String name, String latinName, List<String> emails, List<String> phones, String language,
		String preferredChannel, String lifecycleStage, Long organizationId, String organizationRole,
		String valuesMost, String personalNotes, List<String> tags, Map<String, String> attributes) {

	public ContactDetails {
		emails = emails == null ? List.of() : List.copyOf(emails.stream().filter(e -> e != null && !e.isBlank()).toList());
		phones = phones == null ? List.of() : List.copyOf(phones.stream().filter(p -> p != null && !p.isBlank()).toList());
		tags = tags == null ? List.of() : List.copyOf(tags.stream().filter(t -> t != null && !t.isBlank()).map(String::trim).distinct().toList());
		attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
	}

	/** A contact with only a name and an e-mail address, in English, as the API's minimum contract. */
	public static ContactDetails of(String name, String email) {
		return new ContactDetails(name, null, email == null ? List.of() : List.of(email), List.of(), "en", null, null, null,
				null, null, null, List.of(), Map.of());
	}

}
