package app.rapport.commitment;

import java.time.Instant;
import java.util.UUID;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A stored fact about a ticket; clocks are computed from the ticket's facts in order. */
@Entity
@Table(name = "commitment_fact")
class TicketFact {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Column(name = "ticket_id")
	long ticketId;

	@Column(name = "happened_at")
	Instant happenedAt;

	@Enumerated(EnumType.STRING)
	FactKind kind;

	@Enumerated(EnumType.STRING)
	TicketState state;

	@Enumerated(EnumType.STRING)
	Priority priority;

	@Enumerated(EnumType.STRING)
	@Column(name = "ticket_type")
	TicketType ticketType;

	@Column(name = "plan_id")
	long planId;

	/** The ticket event this fact came from, so that a redelivered event adds nothing. */
	@Column(name = "event_id")
	UUID eventId;

	protected TicketFact() {
	}

	TicketFact(long ticketId, Instant at, FactKind kind, TicketState state, Priority priority, TicketType ticketType,
			long planId) {
		this(ticketId, at, kind, state, priority, ticketType, planId, null);
	}

	TicketFact(long ticketId, Instant at, FactKind kind, TicketState state, Priority priority, TicketType ticketType,
			long planId, UUID eventId) {
		this.eventId = eventId;
		this.ticketId = ticketId;
		this.happenedAt = at;
		this.kind = kind;
		this.state = state;
		this.priority = priority;
		this.ticketType = ticketType;
		this.planId = planId;
	}

	ClockFact toClockFact() {
		return new ClockFact(happenedAt, kind, state, priority, ticketType, planId);
	}

}
