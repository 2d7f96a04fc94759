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

/** A company (or one of our own departments) we serve, with its key people as contacts. */
@Entity
@Table(name = "organization")
@org.springframework.modulith.NamedInterface("indexed")
public class Organization {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organization_seq")
	@SequenceGenerator(name = "organization_seq", sequenceName = "organization_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String name;

	private String latinName;

	private String domain;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrganizationKind kind = OrganizationKind.COMPANY;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LifecycleStage lifecycleStage = LifecycleStage.CUSTOMER;

	@Column(nullable = false)
	private String language = "en";

	private String valuesMost;

	private String notes;

	private Long accountOwnerId;

	@ElementCollection
	@CollectionTable(name = "organization_tag", joinColumns = @JoinColumn(name = "organization_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	/** Custom attribute values in their normal form (see {@link AttributeRules}), by attribute key. */
	@ElementCollection
	@CollectionTable(name = "organization_attribute", joinColumns = @JoinColumn(name = "organization_id"))
	@MapKeyColumn(name = "attr_key")
	@Column(name = "attr_value")
	private Map<String, String> attributes = new LinkedHashMap<>();

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Organization() {
	}

	public Organization(String name, OrganizationKind kind, String language, Instant createdAt) {
		this.name = name;
		this.kind = kind;
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

	public String getDomain() {
		return domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public OrganizationKind getKind() {
		return kind;
	}

	public void setKind(OrganizationKind kind) {
		this.kind = kind;
	}

	public LifecycleStage getLifecycleStage() {
		return lifecycleStage;
	}

	public void setLifecycleStage(LifecycleStage lifecycleStage) {
		this.lifecycleStage = lifecycleStage;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getValuesMost() {
		return valuesMost;
	}

	public void setValuesMost(String valuesMost) {
		this.valuesMost = valuesMost;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
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
