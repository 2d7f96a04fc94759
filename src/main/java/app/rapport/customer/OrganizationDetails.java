package app.rapport.customer;

import java.util.List;
import java.util.Map;

/** Everything a person can set on an organization, as entered. Lists and maps are never {@code null}. */
public record OrganizationDetails(String name, String latinName, String domain, String kind, String lifecycleStage,
		String language, String valuesMost, String notes, List<String> tags, Map<String, String> attributes) {

	public OrganizationDetails {
		tags = tags == null ? List.of() : List.copyOf(tags.stream().filter(t -> t != null && !t.isBlank()).map(String::trim).distinct().toList());
		attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
	}

}
