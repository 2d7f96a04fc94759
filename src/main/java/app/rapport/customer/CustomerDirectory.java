package app.rapport.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.shared.InvalidInputException;
import app.rapport.shared.web.Languages;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Other modules' way into the customer file: look up contacts, find or create a requester. */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class CustomerDirectory {

	private final ContactRepository contacts;

	private final OrganizationRepository organizations;

	private final Clock clock;

	CustomerDirectory(ContactRepository contacts, OrganizationRepository organizations, Clock clock) {
		this.contacts = contacts;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** The contact, following merges to the surviving contact. */
	public Optional<ContactSummary> contact(long id) {
		return contacts.findById(id).map(this::followMerges).map(c -> ContactSummary.of(c, orgOf(c)));
	}

	public Optional<ContactSummary> contactByEmail(String email) {
		String normalized = ContactPoints.normalizeEmail(email);
		if (normalized == null) {
			return Optional.empty();
		}
		return contacts.findByAnyEmail(Set.of(normalized)).stream().findFirst().map(c -> ContactSummary.of(c, orgOf(c)));
	}

	/** Contacts by id for list pages, in one query. */
	public Map<Long, ContactSummary> contacts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Contact> found = contacts.findByIdIn(ids);
		Set<Long> orgIds = found.stream().map(Contact::getOrganizationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
		Map<Long, Organization> orgs = orgIds.isEmpty() ? Map.of()
				: organizations.findByIdIn(orgIds).stream().collect(Collectors.toMap(Organization::getId, Function.identity()));
		// Map.of() refuses get(null), so contacts without an organization are looked up only when they have one.
		return found.stream()
			.collect(Collectors.toMap(Contact::getId,
					c -> ContactSummary.of(c, c.getOrganizationId() == null ? null : orgs.get(c.getOrganizationId()))));
	}

	public Optional<String> organizationName(long organizationId) {
		return organizations.findById(organizationId).map(Organization::getName);
	}

	/**
	 * The contact with this e-mail address, created (as a consumer, in the given language) when there
	 * is none yet. Used when a request arrives from someone new.
	 */
	@Transactional
	public ContactSummary findOrCreateByEmail(String email, String name, String language) {
		if (!ContactPoints.isValidEmail(email)) {
			throw new InvalidInputException("email", "is not a valid e-mail address");
		}
		Optional<ContactSummary> existing = contactByEmail(email);
		if (existing.isPresent()) {
			return existing.get();
		}
		String lang = Languages.isSupported(language) ? language : "en";
		String displayName = name == null || name.isBlank() ? email.trim().substring(0, email.trim().indexOf('@')) : name.trim();
		Contact contact = new Contact(displayName, lang, clock.instant());
		contact.addEmail(email);
		contacts.save(contact);
		return ContactSummary.of(contact, null);
	}

	private Contact followMerges(Contact c) {
		Contact current = c;
		for (int hops = 0; current.getMergedIntoId() != null && hops < 10; hops++) {
			Long next = current.getMergedIntoId();
			current = contacts.findById(next).orElse(current);
		}
		return current;
	}

	private Organization orgOf(Contact c) {
		return c.getOrganizationId() == null ? null : organizations.findById(c.getOrganizationId()).orElse(null);
	}

}
