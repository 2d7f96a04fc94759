package app.rapport.customer.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.customer.OrganizationDetails;
import app.rapport.customer.OrganizationView;

/** The organization form as typed; tags separated by commas. */
public class OrganizationForm {

	private String name;

	private String latinName;

	private String domain;

	private String kind = "COMPANY";

	private String lifecycleStage = "CUSTOMER";

	private String language = "en";

	private String valuesMost;

	private String notes;

	private String tags = "";

	private Map<String, String> attributes = new LinkedHashMap<>();

	private Long version;

	static OrganizationForm of(OrganizationView o) {
		OrganizationForm f = new OrganizationForm();
		f.name = o.name();
		f.latinName = o.latinName();
		f.domain = o.domain();
		f.kind = o.kind().name();
		f.lifecycleStage = o.lifecycleStage().name();
		f.language = o.language();
		f.valuesMost = o.valuesMost();
		f.notes = o.notes();
		f.tags = String.join(", ", o.tags());
		f.attributes = new LinkedHashMap<>(o.attributes());
		f.version = o.version();
		return f;
	}

	OrganizationDetails toDetails() {
		return new OrganizationDetails(name, latinName, domain, kind, lifecycleStage, language, valuesMost, notes,
				ContactForm.split(tags), attributes);
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

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getLifecycleStage() {
		return lifecycleStage;
	}

	public void setLifecycleStage(String lifecycleStage) {
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
