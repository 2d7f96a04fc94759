package app.rapport.customer;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An admin-defined custom attribute of contacts or organizations (text, number, date or choice). */
@Entity
@Table(name = "attribute_definition")
public class AttributeDefinition {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attribute_definition_seq")
	@SequenceGenerator(name = "attribute_definition_seq", sequenceName = "attribute_definition_seq", allocationSize = 50)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AttributeTarget target;

	@Column(name = "attr_key", nullable = false)
	private String key;

	@Column(nullable = false)
	private String label;

	@Enumerated(EnumType.STRING)
	@Column(name = "value_type", nullable = false)
	private AttributeType type;

	/** Choice options, one per line. */
	@Column(name = "choice_options")
	private String choiceOptions;

	@Column(nullable = false)
	private int sortOrder;

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected AttributeDefinition() {
	}

	AttributeDefinition(AttributeTarget target, String key, String label, AttributeType type, List<String> options,
			int sortOrder, Instant createdAt) {
		this.target = target;
		this.key = key;
		this.label = label;
		this.type = type;
		this.choiceOptions = options == null || options.isEmpty() ? null : String.join("\n", options);
		this.sortOrder = sortOrder;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public AttributeTarget getTarget() {
		return target;
	}

	public String getKey() {
		return key;
	}

	public String getLabel() {
		return label;
	}

	public AttributeType getType() {
		return type;
	}

	/** The choices of a CHOICE attribute; empty for other types. */
	public List<String> getOptions() {
		return choiceOptions == null ? List.of() : Arrays.stream(choiceOptions.split("\n")).toList();
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public AttributeSpec spec() {
		return new AttributeSpec(key, label, type, getOptions());
	}

}
