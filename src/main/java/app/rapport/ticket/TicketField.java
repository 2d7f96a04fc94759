package app.rapport.ticket;

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

/** An admin-defined ticket field (text, number, date or choice); values live on the ticket by {@link #key}. */
@Entity
@Table(name = "ticket_field")
class TicketField {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_field_seq")
	@SequenceGenerator(name = "ticket_field_seq", sequenceName = "ticket_field_seq", allocationSize = 50)
	private Long id;

	@Column(name = "field_key", nullable = false, unique = true)
	private String key;

	@Column(nullable = false)
	private String label;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private FieldKind kind;

	/** Choices, one per line; only for {@link FieldKind#CHOICE}. */
	private String choices;

	@Column(nullable = false)
	private boolean active = true;

	@Column(nullable = false)
	private int sortOrder;

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected TicketField() {
	}

	TicketField(String key, String label, FieldKind kind, List<String> choices, int sortOrder, Instant createdAt) {
		this.key = key;
		this.label = label;
		this.kind = kind;
		setChoices(choices);
		this.sortOrder = sortOrder;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	String getKey() {
		return key;
	}

	String getLabel() {
		return label;
	}

	void setLabel(String label) {
		this.label = label;
	}

	FieldKind getKind() {
		return kind;
	}

	List<String> getChoices() {
		return choices == null || choices.isBlank() ? List.of()
				: Arrays.stream(choices.split("\n")).map(String::strip).filter(c -> !c.isEmpty()).toList();
	}

	void setChoices(List<String> choices) {
		this.choices = choices == null || choices.isEmpty() ? null : String.join("\n", choices);
	}

	boolean isActive() {
		return active;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	int getSortOrder() {
		return sortOrder;
	}

	long getVersion() {
		return version;
	}

}
