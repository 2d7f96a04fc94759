package app.rapport.customer.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.customer.ContactDetails;
import app.rapport.customer.ContactView;

/** The contact form as typed: e-mails and phones one per line, tags separated by commas. */
public class ContactForm {

	private String name;

	private String latinName;

	private String emails = "";

	private String phones = "";

	private String language = "en";

	private String preferredChannel;

	private String lifecycleStage = "CUSTOMER";

	private Long organizationId;

	private String organizationRole;

	private String valuesMost;

	private String personalNotes;

	private String tags = "";

	private Map<String, String> attributes = new LinkedHashMap<>();

	private Long version;

	static ContactForm of(ContactView c) {
		ContactForm f = new ContactForm();
		f.name = c.name();
		f.latinName = c.latinName();
		f.emails = String.join("\n", c.emails());
		f.phones = String.join("\n", c.phones());
		f.language = c.language();
		f.preferredChannel = c.preferredChannel() == null ? null : c.preferredChannel().name();
		f.lifecycleStage = c.lifecycleStage().name();
		f.organizationId = c.organizationId();
		f.organizationRole = c.organizationRole() == null ? null : c.organizationRole().name();
		f.valuesMost = c.valuesMost();
		f.personalNotes = c.personalNotes();
		f.tags = String.join(", ", c.tags());
		f.attributes = new LinkedHashMap<>(c.attributes());
		f.version = c.version();
		return f;
	}

	ContactDetails toDetails() {
		return new ContactDetails(name, latinName, lines(emails), lines(phones), language, preferredChannel, lifecycleStage,
				organizationId, organizationId == null ? null : organizationRole, valuesMost, personalNotes,
				split(tags), attributes);
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static List<String> split(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
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

	public String getEmails() {
		return emails;
	}

	public void setEmails(String emails) {
		this.emails = emails;
	}

	public String getPhones() {
		return phones;
	}

	public void setPhones(String phones) {
		this.phones = phones;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getPreferredChannel() {
		return preferredChannel;
	}

	public void setPreferredChannel(String preferredChannel) {
		this.preferredChannel = preferredChannel;
	}

	public String getLifecycleStage() {
		return lifecycleStage;
	}

	public void setLifecycleStage(String lifecycleStage) {
		this.lifecycleStage = lifecycleStage;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public String getOrganizationRole() {
		return organizationRole;
	}

	public void setOrganizationRole(String organizationRole) {
		this.organizationRole = organizationRole;
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

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public Map<String, String> getAttributes() {
		return attributes;
	}

	public void setAttributes(Map<String, String> attributes) {
		this.attributes = attributes;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
