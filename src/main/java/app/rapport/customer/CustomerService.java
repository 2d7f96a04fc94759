package app.rapport.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import app.rapport.audit.AuditTrail;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.ConflictException;
import app.rapport.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer file's transactional operations: create and change contacts and organizations (every
 * change audited), refuse duplicates, merge contacts, log interactions.
 */
@Service
@Transactional
public class CustomerService {

	public static final Sort BY_NAME = Sort.by("name", "id");

	private final ContactRepository contacts;

	private final OrganizationRepository organizations;

	private final TimelineEntryRepository timeline;

	private final CustomerAttributes attributes;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final UserDirectory users;

	CustomerService(ContactRepository contacts, OrganizationRepository organizations, TimelineEntryRepository timeline,
			CustomerAttributes attributes, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			UserDirectory users) {
		this.users = users;
		this.contacts = contacts;
		this.organizations = organizations;
		this.timeline = timeline;
		this.attributes = attributes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- contacts

	/** The contact (also a merged one, which points to the survivor); 404 when unknown. */
	@Transactional(readOnly = true)
	public ContactView contact(long id) {
		Contact c = loadContact(id);
		return ContactView.of(c, c.getOrganizationId() == null ? null : organizations.findById(c.getOrganizationId()).orElse(null));
	}

	/** One page of live contacts matching the filter, with organization names loaded in one query. */
	@Transactional(readOnly = true)
	public Page<ContactView> contacts(ContactFilter filter, Pageable pageable) {
		Page<Contact> page = contacts.findAll(CustomerQueries.contacts(filter), pageable);
		return views(page);
	}

	@Transactional(readOnly = true)
	public Page<ContactView> contactsOf(long organizationId, Pageable pageable) {
		loadOrganization(organizationId);
		return views(contacts.findByOrganizationIdAndMergedIntoIdIsNull(organizationId, pageable));
	}

	private Page<ContactView> views(Page<Contact> page) {
		Set<Long> orgIds = page.getContent().stream().map(Contact::getOrganizationId).filter(Objects::nonNull).collect(Collectors.toSet());
		Map<Long, Organization> orgs = new HashMap<>();
		if (!orgIds.isEmpty()) {
			organizations.findByIdIn(orgIds).forEach(o -> orgs.put(o.getId(), o));
		}
		return page.map(c -> ContactView.of(c, c.getOrganizationId() == null ? null : orgs.get(c.getOrganizationId())));
	}

	public ContactView createContact(ContactDetails details, Long actorUserId) {
		return saveContact(null, null, details, actorUserId);
	}

	/**
	 * Changes a contact to the given details; {@code expectedVersion} (when given) must be the current
	 * version, otherwise the change is refused as stale.
	 */
	public ContactView updateContact(long id, Long expectedVersion, ContactDetails details, Long actorUserId) {
		Contact contact = loadContact(id);
		if (contact.getMergedIntoId() != null) {
			throw new ConflictException("Contact #" + id + " was merged into #" + contact.getMergedIntoId() + "; change that contact instead.");
		}
		return saveContact(contact, expectedVersion, details, actorUserId);
	}

	/** Problems with the details (rules, attributes, organization) without saving; empty when all is well. */
	@Transactional(readOnly = true)
	public List<FieldProblem> checkContact(ContactDetails details) {
		List<FieldProblem> problems = new ArrayList<>(CustomerRules.checkContact(details));
		AttributeRules.normalizeAll(details.attributes(), attributes.specs(AttributeTarget.CONTACT), problems);
		if (details.organizationId() != null && !organizations.existsById(details.organizationId())) {
			problems.add(new FieldProblem("organizationId", "unknownOrganization",
					"no organization with id " + details.organizationId(), String.valueOf(details.organizationId())));
		}
		return problems;
	}

	/** The live contact that already has one of these e-mails or phones, other than {@code selfId}. */
	@Transactional(readOnly = true)
	public Optional<DuplicateCheck.Duplicate> findDuplicate(Collection<String> emails, Collection<String> phones, Long selfId) {
		Set<String> e = DuplicateCheck.normalizedEmails(emails);
		Set<String> p = DuplicateCheck.normalizedPhones(phones);
		Map<Long, Contact> candidates = new LinkedHashMap<>();
		if (!e.isEmpty()) {
			contacts.findByAnyEmail(e).forEach(c -> candidates.put(c.getId(), c));
		}
		if (!p.isEmpty()) {
			contacts.findByAnyPhone(p).forEach(c -> candidates.put(c.getId(), c));
		}
		return DuplicateCheck.find(emails, phones, selfId, candidates.values().stream().map(DuplicateCheck.Candidate::of).toList());
	}

	private ContactView saveContact(Contact existing, Long expectedVersion, ContactDetails d, Long actor) {
		List<FieldProblem> problems = new ArrayList<>(CustomerRules.checkContact(d));
		Map<String, String> attributeValues = AttributeRules.normalizeAll(d.attributes(), attributes.specs(AttributeTarget.CONTACT), problems);
		Organization org = null;
		if (d.organizationId() != null) {
			org = organizations.findById(d.organizationId()).orElse(null);
			if (org == null) {
				problems.add(new FieldProblem("organizationId", "unknownOrganization", "no organization with id " + d.organizationId(),
						String.valueOf(d.organizationId())));
			}
		}
		if (!problems.isEmpty()) {
			throw new CustomerInputException(problems);
		}
		if (existing != null) {
			checkVersion("Contact", existing.getId(), existing.getVersion(), expectedVersion);
		}
		Optional<DuplicateCheck.Duplicate> duplicate = findDuplicate(d.emails(), d.phones(), existing == null ? null : existing.getId());
		if (duplicate.isPresent()) {
			throw new DuplicateContactException(duplicate.get());
		}
		Contact c = existing == null ? newContact(d, actor) : existing;
		applyContact(c, d, attributeValues, org == null ? null : "#" + org.getId() + " " + org.getName(), actor);
		contacts.flush();
		return ContactView.of(c, org);
	}

	/**
	 * Creates a contact from details the import has already checked (field rules, normalized attributes,
	 * organization, duplicates), without looking anything up again and without a flush: the import
	 * flushes a batch at a time. Audited like any other new contact.
	 */
	void createImportedContact(ContactDetails d, String organizationLabel, Long actor) {
		applyContact(newContact(d, actor), d, d.attributes(), organizationLabel, actor);
	}

	private Contact newContact(ContactDetails d, Long actor) {
		String language = CustomerRules.language(d.language());
		Contact c = contacts.save(new Contact(d.name().trim(), language == null ? "en" : language, clock.instant()));
		audit.record(AuditTrail.CONTACT, c.getId(), "created", null, c.getName(), actor);
		return c;
	}

	/** Sets the details on the contact and audits every change; {@code organizationLabel} is "#id name" of the new organization. */
	private void applyContact(Contact c, ContactDetails d, Map<String, String> attributeValues, String organizationLabel,
			Long actor) {
		String language = CustomerRules.language(d.language());
		long id = c.getId();
		Contact target = c;
		change(id, "name", c.getName(), d.name().trim(), target::setName, actor);
		change(id, "latinName", c.getLatinName(), blankToNull(d.latinName()), target::setLatinName, actor);
		String oldEmails = String.join(", ", c.getEmails());
		c.replaceEmails(d.emails());
		audit.record(AuditTrail.CONTACT, id, "emails", emptyToNull(oldEmails), emptyToNull(String.join(", ", c.getEmails())), actor);
		String oldPhones = phonesOf(c);
		c.replacePhones(d.phones());
		audit.record(AuditTrail.CONTACT, id, "phones", emptyToNull(oldPhones), emptyToNull(phonesOf(c)), actor);
		if (language != null) {
			change(id, "language", c.getLanguage(), language, target::setLanguage, actor);
		}
		change(id, "preferredChannel", c.getPreferredChannel(), CustomerRules.parse(Channel.class, d.preferredChannel()),
				target::setPreferredChannel, actor);
		LifecycleStage stage = CustomerRules.parse(LifecycleStage.class, d.lifecycleStage());
		if (stage != null) {
			change(id, "lifecycleStage", c.getLifecycleStage(), stage, target::setLifecycleStage, actor);
		}
		Long oldOrg = c.getOrganizationId();
		ContactRole oldRole = c.getOrganizationRole();
		c.setOrganization(d.organizationId(), CustomerRules.parse(ContactRole.class, d.organizationRole()));
		audit.record(AuditTrail.CONTACT, id, "organization", orgLabel(oldOrg), organizationLabel, actor);
		audit.record(AuditTrail.CONTACT, id, "organizationRole", oldRole, c.getOrganizationRole(), actor);
		change(id, "valuesMost", c.getValuesMost(), blankToNull(d.valuesMost()), target::setValuesMost, actor);
		change(id, "personalNotes", c.getPersonalNotes(), blankToNull(d.personalNotes()), target::setPersonalNotes, actor);
		String oldTags = String.join(", ", c.getTags());
		c.replaceTags(d.tags());
		audit.record(AuditTrail.CONTACT, id, "tags", emptyToNull(oldTags), emptyToNull(String.join(", ", c.getTags())), actor);
		auditAttributes(AuditTrail.CONTACT, id, c.getAttributes(), attributeValues, actor);
		c.replaceAttributes(attributeValues);
	}

	/**
	 * Merges {@code sourceId} into {@code targetId}: the source's e-mails, phones, tags, notes and
	 * attributes join the target, its timeline moves, it points to the target from now on, and
	 * {@link ContactsMerged} tells other modules (synchronously, in this transaction) to move their data.
	 */
	public ContactView merge(long sourceId, long targetId, Long actor) {
		if (sourceId == targetId) {
			throw new CustomerInputException("intoId", "mergeIntoItself", "a contact cannot be merged into itself");
		}
		Contact source = loadContact(sourceId);
		Contact target = loadContact(targetId);
		for (Contact c : List.of(source, target)) {
			if (c.getMergedIntoId() != null) {
				throw new ConflictException("Contact #" + c.getId() + " was already merged into #" + c.getMergedIntoId() + ".");
			}
		}
		String oldEmails = String.join(", ", target.getEmails());
		String oldPhones = phonesOf(target);
		String oldTags = String.join(", ", target.getTags());
		Map<String, String> oldAttributes = new LinkedHashMap<>(target.getAttributes());
		source.getEmails().forEach(target::addEmail);
		source.getPhones().forEach(p -> target.addPhone(p.getPhone()));
		target.getTags().addAll(source.getTags());
		source.getAttributes().forEach(target.getAttributes()::putIfAbsent);
		if (isBlank(target.getValuesMost()) && !isBlank(source.getValuesMost())) {
			audit.record(AuditTrail.CONTACT, targetId, "valuesMost", target.getValuesMost(), source.getValuesMost(), actor);
			target.setValuesMost(source.getValuesMost());
		}
		if (!isBlank(source.getPersonalNotes())) {
			String combined = isBlank(target.getPersonalNotes()) ? source.getPersonalNotes()
					: target.getPersonalNotes() + "\n\n" + source.getPersonalNotes();
			combined = combined.length() > CustomerRules.MAX_NOTES ? combined.substring(0, CustomerRules.MAX_NOTES - 1) + "…" : combined;
			audit.record(AuditTrail.CONTACT, targetId, "personalNotes", target.getPersonalNotes(), combined, actor);
			target.setPersonalNotes(combined);
		}
		if (target.getOrganizationId() == null && source.getOrganizationId() != null) {
			audit.record(AuditTrail.CONTACT, targetId, "organization", null, orgLabel(source.getOrganizationId()), actor);
			target.setOrganization(source.getOrganizationId(), source.getOrganizationRole());
		}
		audit.record(AuditTrail.CONTACT, targetId, "emails", emptyToNull(oldEmails), emptyToNull(String.join(", ", target.getEmails())), actor);
		audit.record(AuditTrail.CONTACT, targetId, "phones", emptyToNull(oldPhones), emptyToNull(phonesOf(target)), actor);
		audit.record(AuditTrail.CONTACT, targetId, "tags", emptyToNull(oldTags), emptyToNull(String.join(", ", target.getTags())), actor);
		auditAttributes(AuditTrail.CONTACT, targetId, oldAttributes, target.getAttributes(), actor);
		audit.record(AuditTrail.CONTACT, targetId, "mergedFrom", null, "#" + sourceId + " " + source.getName(), actor);
		audit.record(AuditTrail.CONTACT, sourceId, "mergedInto", null, "#" + targetId + " " + target.getName(), actor);
		source.markMergedInto(targetId);
		contacts.flush();
		timeline.moveToContact(sourceId, targetId);
		timeline.save(new TimelineEntry(targetId, target.getOrganizationId(), TimelineKind.MERGED,
				source.getName() + " (#" + sourceId + ")", null, null, actor, clock.instant()));
		events.publishEvent(new ContactsMerged(sourceId, targetId, actor));
		return ContactView.of(target, target.getOrganizationId() == null ? null : organizations.findById(target.getOrganizationId()).orElse(null));
	}

	// ---- timeline

	/** Logs a call, visit, meeting or note on the contact's (and their organization's) timeline. */
	public TimelineEntry logContactInteraction(long contactId, Interaction interaction, Long actor) {
		Contact c = loadContact(contactId);
		if (c.getMergedIntoId() != null) {
			throw new ConflictException("Contact #" + contactId + " was merged into #" + c.getMergedIntoId() + "; log on that contact instead.");
		}
		TimelineKind kind = checkInteraction(interaction);
		return timeline.save(new TimelineEntry(contactId, c.getOrganizationId(), kind, interaction.summary().trim(),
				null, interaction.durationMinutes(), actor, interaction.occurredAt() == null ? clock.instant() : interaction.occurredAt()));
	}

	/** Logs a call, visit, meeting or note on the organization's timeline (no particular contact). */
	public TimelineEntry logOrganizationInteraction(long organizationId, Interaction interaction, Long actor) {
		loadOrganization(organizationId);
		TimelineKind kind = checkInteraction(interaction);
		return timeline.save(new TimelineEntry(null, organizationId, kind, interaction.summary().trim(), null,
				interaction.durationMinutes(), actor, interaction.occurredAt() == null ? clock.instant() : interaction.occurredAt()));
	}

	/**
	 * One page of the contact's timeline as the user may see it: entries about a ticket obey the ticket's
	 * visibility rule (agents see their groups' tickets and their own), in the query, so totals agree.
	 */
	@Transactional(readOnly = true)
	public Page<TimelineEntry> contactTimeline(long contactId, CurrentUser me, Pageable pageable) {
		loadContact(contactId);
		if (me.seesAllTickets()) {
			return timeline.findByContactIdOrderByOccurredAtDescIdDesc(contactId, pageable);
		}
		return timeline.findVisibleOfContact(contactId, me.id(), groupsOf(me), pageable);
	}

	/** One page of the organization's timeline as the user may see it (see {@link #contactTimeline}). */
	@Transactional(readOnly = true)
	public Page<TimelineEntry> organizationTimeline(long organizationId, CurrentUser me, Pageable pageable) {
		loadOrganization(organizationId);
		if (me.seesAllTickets()) {
			return timeline.findByOrganizationIdOrderByOccurredAtDescIdDesc(organizationId, pageable);
		}
		return timeline.findVisibleOfOrganization(organizationId, me.id(), groupsOf(me), pageable);
	}

	private Set<Long> groupsOf(CurrentUser me) {
		Set<Long> groups = users.groupIdsOf(me.id());
		// "in ()" is not valid SQL everywhere; no group has id -1.
		return groups.isEmpty() ? Set.of(-1L) : groups;
	}

	private TimelineKind checkInteraction(Interaction i) {
		List<FieldProblem> problems = CustomerRules.checkInteraction(i, clock.instant());
		if (!problems.isEmpty()) {
			throw new CustomerInputException(problems);
		}
		return TimelineKind.valueOf(i.kind().trim().toUpperCase(java.util.Locale.ROOT));
	}

	// ---- organizations

	@Transactional(readOnly = true)
	public OrganizationView organization(long id) {
		Organization o = loadOrganization(id);
		return OrganizationView.of(o, contacts.countByOrganizationIdAndMergedIntoIdIsNull(id));
	}

	/** One page of organizations with their contact counts (one extra query for the page). */
	@Transactional(readOnly = true)
	public Page<OrganizationView> organizations(OrganizationFilter filter, Pageable pageable) {
		Page<Organization> page = organizations.findAll(CustomerQueries.organizations(filter), pageable);
		Map<Long, Long> counts = new HashMap<>();
		if (!page.isEmpty()) {
			contacts.countByOrganizations(page.getContent().stream().map(Organization::getId).toList())
				.forEach(row -> counts.put((Long) row[0], (Long) row[1]));
		}
		return new PageImpl<>(page.getContent().stream().map(o -> OrganizationView.of(o, counts.getOrDefault(o.getId(), 0L))).toList(),
				pageable, page.getTotalElements());
	}

	/** Organizations for pickers, by name (the first thousand). */
	@Transactional(readOnly = true)
	public List<OrganizationChoice> organizationChoices() {
		return organizations.findTop1000ByOrderByNameAsc().stream().map(o -> new OrganizationChoice(o.getId(), o.getName())).toList();
	}

	public OrganizationView createOrganization(OrganizationDetails details, Long actor) {
		return saveOrganization(null, null, details, actor);
	}

	public OrganizationView updateOrganization(long id, Long expectedVersion, OrganizationDetails details, Long actor) {
		return saveOrganization(loadOrganization(id), expectedVersion, details, actor);
	}

	/** Problems with the details, without saving; empty when all is well. */
	@Transactional(readOnly = true)
	public List<FieldProblem> checkOrganization(OrganizationDetails details) {
		List<FieldProblem> problems = new ArrayList<>(CustomerRules.checkOrganization(details));
		AttributeRules.normalizeAll(details.attributes(), attributes.specs(AttributeTarget.ORGANIZATION), problems);
		return problems;
	}

	/** The organization with this name (case-insensitive) other than {@code selfId}, if any. */
	@Transactional(readOnly = true)
	public Optional<OrganizationChoice> organizationNamed(String name, Long selfId) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		return organizations.findByLowerNames(List.of(name.trim().toLowerCase(java.util.Locale.ROOT)))
			.stream()
			.filter(o -> !o.getId().equals(selfId))
			.findFirst()
			.map(o -> new OrganizationChoice(o.getId(), o.getName()));
	}

	private OrganizationView saveOrganization(Organization existing, Long expectedVersion, OrganizationDetails d, Long actor) {
		List<FieldProblem> problems = new ArrayList<>(CustomerRules.checkOrganization(d));
		Map<String, String> attributeValues = AttributeRules.normalizeAll(d.attributes(), attributes.specs(AttributeTarget.ORGANIZATION), problems);
		if (!problems.isEmpty()) {
			throw new CustomerInputException(problems);
		}
		if (existing != null) {
			checkVersion("Organization", existing.getId(), existing.getVersion(), expectedVersion);
		}
		Optional<OrganizationChoice> sameName = organizationNamed(d.name(), existing == null ? null : existing.getId());
		if (sameName.isPresent()) {
			throw new DuplicateOrganizationException(sameName.get());
		}
		Organization o = existing == null ? newOrganization(d, actor) : existing;
		applyOrganization(o, d, attributeValues, actor);
		organizations.flush();
		return OrganizationView.of(o, existing == null ? 0 : contacts.countByOrganizationIdAndMergedIntoIdIsNull(o.getId()));
	}

	/**
	 * Creates an organization from details the import has already checked (field rules, normalized
	 * attributes, unique name), without looking anything up again and without a flush.
	 */
	void createImportedOrganization(OrganizationDetails d, Long actor) {
		applyOrganization(newOrganization(d, actor), d, d.attributes(), actor);
	}

	private Organization newOrganization(OrganizationDetails d, Long actor) {
		String language = CustomerRules.language(d.language());
		OrganizationKind kind = CustomerRules.parse(OrganizationKind.class, d.kind());
		Organization o = organizations.save(new Organization(d.name().trim(), kind == null ? OrganizationKind.COMPANY : kind,
				language == null ? "en" : language, clock.instant()));
		audit.record(AuditTrail.ORGANIZATION, o.getId(), "created", null, o.getName(), actor);
		return o;
	}

	private void applyOrganization(Organization o, OrganizationDetails d, Map<String, String> attributeValues, Long actor) {
		String language = CustomerRules.language(d.language());
		OrganizationKind kind = CustomerRules.parse(OrganizationKind.class, d.kind());
		long id = o.getId();
		Organization target = o;
		String type = AuditTrail.ORGANIZATION;
		changeOf(type, id, "name", o.getName(), d.name().trim(), target::setName, actor);
		changeOf(type, id, "latinName", o.getLatinName(), blankToNull(d.latinName()), target::setLatinName, actor);
		changeOf(type, id, "domain", o.getDomain(), d.domain() == null || d.domain().isBlank() ? null : d.domain().trim().toLowerCase(java.util.Locale.ROOT),
				target::setDomain, actor);
		if (kind != null) {
			changeOf(type, id, "kind", o.getKind(), kind, target::setKind, actor);
		}
		LifecycleStage stage = CustomerRules.parse(LifecycleStage.class, d.lifecycleStage());
		if (stage != null) {
			changeOf(type, id, "lifecycleStage", o.getLifecycleStage(), stage, target::setLifecycleStage, actor);
		}
		if (language != null) {
			changeOf(type, id, "language", o.getLanguage(), language, target::setLanguage, actor);
		}
		changeOf(type, id, "valuesMost", o.getValuesMost(), blankToNull(d.valuesMost()), target::setValuesMost, actor);
		changeOf(type, id, "notes", o.getNotes(), blankToNull(d.notes()), target::setNotes, actor);
		String oldTags = String.join(", ", o.getTags());
		o.replaceTags(d.tags());
		audit.record(type, id, "tags", emptyToNull(oldTags), emptyToNull(String.join(", ", o.getTags())), actor);
		auditAttributes(type, id, o.getAttributes(), attributeValues, actor);
		o.replaceAttributes(attributeValues);
	}

	// ---- helpers

	Contact loadContact(long id) {
		return contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact " + id));
	}

	Organization loadOrganization(long id) {
		return organizations.findById(id).orElseThrow(() -> new NotFoundException("Organization " + id));
	}

	private static void checkVersion(String what, long id, long current, Long expected) {
		if (expected != null && expected != current) {
			throw new ConflictException(what + " #" + id + " was changed by someone else (you had version " + expected
					+ ", the current one is " + current + "); reload it and apply your change again.");
		}
	}

	private <T> void change(long id, String field, T oldValue, T newValue, Consumer<T> setter, Long actor) {
		changeOf(AuditTrail.CONTACT, id, field, oldValue, newValue, setter, actor);
	}

	private <T> void changeOf(String type, long id, String field, T oldValue, T newValue, Consumer<T> setter, Long actor) {
		if (!Objects.equals(oldValue, newValue)) {
			audit.record(type, id, field, oldValue, newValue, actor);
			setter.accept(newValue);
		}
	}

	private void auditAttributes(String type, long id, Map<String, String> before, Map<String, String> after, Long actor) {
		Set<String> keys = new java.util.TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			audit.record(type, id, "attribute." + key, before.get(key), after.get(key), actor);
		}
	}

	private String orgLabel(Long organizationId) {
		if (organizationId == null) {
			return null;
		}
		return organizations.findById(organizationId).map(o -> "#" + o.getId() + " " + o.getName()).orElse("#" + organizationId);
	}

	private static String phonesOf(Contact c) {
		return c.getPhones().stream().map(PhoneNumber::getPhone).collect(Collectors.joining(", "));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String emptyToNull(String s) {
		return s.isEmpty() ? null : s;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	Instant now() {
		return clock.instant();
	}

}
