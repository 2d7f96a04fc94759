package app.rapport.commitment;

import app.rapport.ticket.Priority;
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

/** A plan's promise for one priority (and optionally one ticket type), in business minutes. */
@Entity
@Table(name = "plan_target")
class PlanTarget {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Enumerated(EnumType.STRING)
	Priority priority;

	@Enumerated(EnumType.STRING)
	@Column(name = "ticket_type")
	TicketType ticketType;

	@Column(name = "first_response_minutes")
	Integer firstResponseMinutes;

	@Column(name = "next_update_minutes")
	Integer nextUpdateMinutes;

	@Column(name = "resolution_minutes")
	Integer resolutionMinutes;

	protected PlanTarget() {
	}

	PlanTarget(Priority priority, TicketType ticketType, Integer firstResponseMinutes, Integer nextUpdateMinutes,
			Integer resolutionMinutes) {
		this.priority = priority;
		this.ticketType = ticketType;
		this.firstResponseMinutes = firstResponseMinutes;
		this.nextUpdateMinutes = nextUpdateMinutes;
		this.resolutionMinutes = resolutionMinutes;
	}

	Integer minutes(Commitment commitment) {
		return switch (commitment) {
			case FIRST_RESPONSE -> firstResponseMinutes;
			case NEXT_UPDATE -> nextUpdateMinutes;
			case RESOLUTION -> resolutionMinutes;
		};
	}

}
