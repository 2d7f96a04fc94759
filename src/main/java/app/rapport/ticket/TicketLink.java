package app.rapport.ticket;

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

/** A directed link: ticket {@code ticketId} is {@code kind} ticket {@code otherTicketId}. */
@Entity
@Table(name = "ticket_link")
class TicketLink {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_link_seq")
	@SequenceGenerator(name = "ticket_link_seq", sequenceName = "ticket_link_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long ticketId;

	@Column(nullable = false)
	private Long otherTicketId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LinkKind kind;

	private Long createdBy;

	@Column(nullable = false)
	private Instant createdAt;

	protected TicketLink() {
	}

	TicketLink(long ticketId, long otherTicketId, LinkKind kind, Long createdBy, Instant createdAt) {
		this.ticketId = ticketId;
		this.otherTicketId = otherTicketId;
		this.kind = kind;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	Long getTicketId() {
		return ticketId;
	}

	Long getOtherTicketId() {
		return otherTicketId;
	}

	LinkKind getKind() {
		return kind;
	}

	Long getCreatedBy() {
		return createdBy;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
