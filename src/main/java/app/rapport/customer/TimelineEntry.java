package app.rapport.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One event in a contact's (and their organization's) history, newest shown first. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_seq")
	@SequenceGenerator(name = "timeline_entry_seq", sequenceName = "timeline_entry_seq", allocationSize = 50)
	private Long id;

	private Long contactId;

	private Long organizationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TimelineKind kind;

	@Column(nullable = false)
	private String summary;

	/** The ticket this entry belongs to, if any. */
	private Long ticketId;

	/** The ticket's group and owner, kept current by the ticket module, so that queries apply its visibility. */
	private Long ticketGroupId;

	private Long ticketOwnerId;

	private Integer durationMinutes;

	private Long actorUserId;

	@Column(nullable = false)
	private Instant occurredAt;

	protected TimelineEntry() {
	}

	/** An entry about a ticket ({@code ticket} given) or about the customer alone ({@code ticket} null). */
	TimelineEntry(Long contactId, Long organizationId, TimelineKind kind, String summary, TicketAccess ticket,
			Integer durationMinutes, Long actorUserId, Instant occurredAt) {
		this.contactId = contactId;
		this.organizationId = organizationId;
		this.kind = kind;
		this.summary = summary.length() > 500 ? summary.substring(0, 497) + "…" : summary;
		if (ticket != null) {
			this.ticketId = ticket.ticketId();
			this.ticketGroupId = ticket.groupId();
			this.ticketOwnerId = ticket.ownerId();
		}
		this.durationMinutes = durationMinutes;
		this.actorUserId = actorUserId;
		this.occurredAt = occurredAt;
	}

	public Long getId() {
		return id;
	}

	public Long getContactId() {
		return contactId;
	}

	void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public TimelineKind getKind() {
		return kind;
	}

	public String getSummary() {
		return summary;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public Integer getDurationMinutes() {
		return durationMinutes;
	}

	public Long getActorUserId() {
		return actorUserId;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

}
