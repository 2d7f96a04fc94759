package app.rapport.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An organization's profile as pages and the API show it, with the number of its live contacts. */
public record OrganizationView(long id, String name, String latinName, String domain, OrganizationKind kind,
		LifecycleStage lifecycleStage, String language, String valuesMost, String notes, List<String> tags,
		Map<String, String> attributes, long contactCount, Instant createdAt, long version) {

	static OrganizationView of(Organization o, long contactCount) {
		return new OrganizationView(o.getId(), o.getName(), o.getLatinName(), o.getDomain(), o.getKind(),
				o.getLifecycleStage(), o.getLanguage(), o.getValuesMost(), o.getNotes(), List.copyOf(o.getTags()),
				Map.copyOf(o.getAttributes()), contactCount, o.getCreatedAt(), o.getVersion());
	}

}
