package app.rapport.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact's full profile as pages and the API show it (collections loaded, safe outside a transaction). */
public record ContactView(long id, String name, String latinName, String primaryEmail, List<String> emails,
		List<String> phones, String language, Channel preferredChannel, LifecycleStage lifecycleStage,
		Long organizationId, String organizationName, ContactRole organizationRole, String valuesMost,
		String personalNotes, List<String> tags, Map<String, String> attributes, Long mergedIntoId, Instant createdAt,
		long version) {

	static ContactView of(Contact c, Organization org) {
		return new ContactView(c.getId(), c.getName(), c.getLatinName(), c.getPrimaryEmail(), List.copyOf(c.getEmails()),
				c.getPhones().stream().map(PhoneNumber::getPhone).toList(), c.getLanguage(), c.getPreferredChannel(),
				c.getLifecycleStage(), c.getOrganizationId(), org == null ? null : org.getName(), c.getOrganizationRole(),
				c.getValuesMost(), c.getPersonalNotes(), List.copyOf(c.getTags()), Map.copyOf(c.getAttributes()),
				c.getMergedIntoId(), c.getCreatedAt(), c.getVersion());
	}

}
