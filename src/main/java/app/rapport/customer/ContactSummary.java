package app.rapport.customer;

import java.util.List;

/** What other modules know of a contact: enough for a customer panel and for routing. */
@org.springframework.modulith.NamedInterface("api")
public record ContactSummary(long id, String name, String latinName, String email, Long organizationId,
		String organizationName, ContactRole organizationRole, String language, Channel preferredChannel,
		LifecycleStage lifecycleStage, String valuesMost, String personalNotes, List<String> tags) {

	static ContactSummary of(Contact c, Organization org) {
		return new ContactSummary(c.getId(), c.getName(), c.getLatinName(), c.getPrimaryEmail(), c.getOrganizationId(),
				org == null ? null : org.getName(), c.getOrganizationRole(), c.getLanguage(), c.getPreferredChannel(),
				c.getLifecycleStage(), c.getValuesMost(), c.getPersonalNotes(), List.copyOf(c.getTags()));
	}

}
