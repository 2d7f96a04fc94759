package app.rapport.commitment;

import java.time.Instant;

import app.rapport.ticket.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A commitment that was not kept, as detected, waiting for (or carrying) its reason and note. */
@Entity
@Table(name = "breach")
class Breach {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Column(name = "clock_id")
	long clockId;

	@Column(name = "ticket_id")
	long ticketId;

	@Convert(converter = CommitmentKeyConverter.class)
	Commitment commitment;

	@Column(name = "plan_id")
	long planId;

	@Enumerated(EnumType.STRING)
	Priority priority;

	@Column(name = "group_id")
	long groupId;

	@Column(name = "owner_id")
	Long ownerId;

	@Column(name = "due_at")
	Instant dueAt;

	@Column(name = "detected_at")
	Instant detectedAt;

	@Column(name = "reason_key")
	String reasonKey;

	String note;

	@Column(name = "explained_by")
	Long explainedBy;

	@Column(name = "explained_at")
	Instant explainedAt;

	@Version
	long version;

	protected Breach() {
	}

	Breach(CommitmentClock clock) {
		this.clockId = clock.id;
		this.ticketId = clock.ticketId;
		this.commitment = clock.commitment;
		this.planId = clock.planId;
		this.priority = clock.priority;
		this.groupId = clock.groupId;
		this.ownerId = clock.ownerId;
		this.dueAt = clock.breachedAt;
		this.detectedAt = clock.detectedAt;
	}

}
