package app.rapport.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person we serve: a key person at an organization, an individual consumer, or someone in one of
 * our own departments. Keeps what they value most and the small things worth remembering.
 */
@Entity
@Table(name = "contact")
@org.springframework.modulith.NamedInterface("indexed")
public class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
	@SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String name;

	private String latinName;

	private Long organizationId;

	@Enumerated(EnumType.STRING)
	private ContactRole organizationRole;

	/** The first of {@link #emails}, kept on the row so lists need no join. */
	private String primaryEmail;

	@ElementCollection
	@CollectionTable(name = "contact_email", joinColumns = @JoinColumn(name = "contact_id"))
	@Column(name = "email")
	private Set<String> emails = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
	private Set<PhoneNumber> phones = new LinkedHashSet<>();

	@Column(nullable = false)
	private String language = "en";

	@Enumerated(EnumType.STRING)
	private Channel preferredChannel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LifecycleStage lifecycleStage = LifecycleStage.CUSTOMER;

	private String valuesMost;

	private String personalNotes;

	private Long accountOwnerId;

	@ElementCollection
	@CollectionTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	/** Set when this contact was merged into another; merged contacts are kept for the audit trail. */
	private Long mergedIntoId;

	/** Custom attribute values in their normal form (see {@link AttributeRules}), by attribute key. */
	@ElementCollection
	@CollectionTable(name = "contact_attribute", joinColumns = @JoinColumn(name = "contact_id"))
	@MapKeyColumn(name = "attr_key")
	@Column(name = "attr_value")
	private Map<String, String> attributes = new LinkedHashMap<>();

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Contact() {
	}

	public Contact(String name, String language, Instant createdAt) {
		this.name = name;
		this.language = language;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLatinName() {
		return latinName;
	}

	public void setLatinName(String latinName) {
		this.latinName = latinName;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public ContactRole getOrganizationRole() {
		return organizationRole;
	}

	public void setOrganization(Long organizationId, ContactRole role) {
		this.organizationId = organizationId;
		this.organizationRole = organizationId == null ? null : (role == null ? ContactRole.OTHER : role);
	}

	public String getPrimaryEmail() {
		return primaryEmail;
	}

	public Set<String> getEmails() {
		return emails;
	}

	/** Adds a normalized address; the first one becomes the primary address. */
	public void addEmail(String email) {
		String normalized = ContactPoints.normalizeEmail(email);
		if (normalized != null && emails.add(normalized) && primaryEmail == null) {
			primaryEmail = normalized;
		}
	}

	public void removeEmail(String email) {
		emails.remove(ContactPoints.normalizeEmail(email));
		primaryEmail = emails.isEmpty() ? null : emails.iterator().next();
	}

	/** Replaces the addresses, keeping their order; the first becomes the primary address. */
	void replaceEmails(List<String> newEmails) {
		List<String> normalized = DuplicateCheck.normalizedEmails(newEmails).stream().toList();
		emails.retainAll(normalized);
		emails.addAll(normalized);
		primaryEmail = normalized.isEmpty() ? null : normalized.get(0);
	}

	void replacePhones(List<String> newPhones) {
		List<PhoneNumber> numbers = newPhones.stream()
			.filter(p -> ContactPoints.normalizePhone(p) != null)
			.map(PhoneNumber::new)
			.distinct()
			.toList();
		phones.retainAll(numbers);
		phones.addAll(numbers);
	}

	public Set<PhoneNumber> getPhones() {
		return phones;
	}

	public void addPhone(String phone) {
		if (ContactPoints.normalizePhone(phone) != null) {
			phones.add(new PhoneNumber(phone));
		}
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public Channel getPreferredChannel() {
		return preferredChannel;
	}

	public void setPreferredChannel(Channel preferredChannel) {
		this.preferredChannel = preferredChannel;
	}

	public LifecycleStage getLifecycleStage() {
		return lifecycleStage;
	}

	public void setLifecycleStage(LifecycleStage lifecycleStage) {
		this.lifecycleStage = lifecycleStage;
	}

	public String getValuesMost() {
		return valuesMost;
	}

	public void setValuesMost(String valuesMost) {
		this.valuesMost = valuesMost;
	}

	public String getPersonalNotes() {
		return personalNotes;
	}

	public void setPersonalNotes(String personalNotes) {
		this.personalNotes = personalNotes;
	}

	public Long getAccountOwnerId() {
		return accountOwnerId;
	}

	public void setAccountOwnerId(Long accountOwnerId) {
		this.accountOwnerId = accountOwnerId;
	}

	public Set<String> getTags() {
		return tags;
	}

	public Long getMergedIntoId() {
		return mergedIntoId;
	}

	void markMergedInto(Long targetId) {
		this.mergedIntoId = targetId;
	}

	public Map<String, String> getAttributes() {
		return attributes;
	}

	void replaceTags(List<String> newTags) {
		tags.retainAll(newTags);
		tags.addAll(newTags);
	}

	void replaceAttributes(Map<String, String> values) {
		attributes.keySet().retainAll(values.keySet());
		attributes.putAll(values);
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public long getVersion() {
		return version;
	}

}
