package app.rapport.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One recorded change; never updated or deleted. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
	@SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String entityType;

	@Column(nullable = false)
	private Long entityId;

	@Column(nullable = false)
	private String field;

	private String oldValue;

	private String newValue;

	private Long actorUserId;

	@Column(nullable = false)
	private Instant occurredAt;

	protected AuditEntry() {
	}

	AuditEntry(String entityType, Long entityId, String field, String oldValue, String newValue, Long actorUserId,
			Instant occurredAt) {
		this.entityType = entityType;
		this.entityId = entityId;
		this.field = field;
		this.oldValue = clip(oldValue);
		this.newValue = clip(newValue);
		this.actorUserId = actorUserId;
		this.occurredAt = occurredAt;
	}

	private static String clip(String value) {
		return value != null && value.length() > 2000 ? value.substring(0, 1999) + "…" : value;
	}

	public Long getId() {
		return id;
	}

	public String getEntityType() {
		return entityType;
	}

	public Long getEntityId() {
		return entityId;
	}

	public String getField() {
		return field;
	}

	public String getOldValue() {
		return oldValue;
	}

	public String getNewValue() {
		return newValue;
	}

	public Long getActorUserId() {
		return actorUserId;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

}
