package app.rapport.commitment;

import java.time.Instant;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketActivity;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A ticket the module keeps time for, as it stands now (the module's own copy, kept from ticket events). */
@Entity
@Table(name = "commitment_ticket")
class TrackedTicket implements Persistable<Long> {

	/** Its id is the ticket's: tell Spring Data a new one apart without a select. */
	@Transient
	private boolean isNew;

	@Id
	@Column(name = "ticket_id")
	Long ticketId;

	@Column(name = "plan_id")
	long planId;

	String subject;

	@Column(name = "requester_id")
	long requesterId;

	@Column(name = "organization_id")
	Long organizationId;

	@Column(name = "group_id")
	long groupId;

	@Column(name = "owner_id")
	Long ownerId;

	@Enumerated(EnumType.STRING)
	Priority priority;

	@Enumerated(EnumType.STRING)
	@Column(name = "ticket_type")
	TicketType ticketType;

	@Enumerated(EnumType.STRING)
	TicketState state;

	@Column(name = "opened_at")
	Instant openedAt;

	/** When the newest activity applied here happened; an older one delivered late changes nothing. */
	@Column(name = "last_activity_at")
	Instant lastActivityAt;

	protected TrackedTicket() {
	}

	TrackedTicket(TicketActivity opened, long planId) {
		this.isNew = true;
		this.ticketId = opened.ticketId();
		this.planId = planId;
		this.openedAt = opened.at();
		update(opened);
	}

	@Override
	public Long getId() {
		return ticketId;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	@PostPersist
	@PostLoad
	void markNotNew() {
		isNew = false;
	}

	void update(TicketActivity a) {
		if (lastActivityAt != null && a.at().isBefore(lastActivityAt)) {
			return;
		}
		lastActivityAt = a.at();
		subject = a.subject();
		requesterId = a.requesterId();
		organizationId = a.organizationId();
		groupId = a.groupId();
		ownerId = a.ownerId();
		priority = a.priority();
		ticketType = a.type();
		state = a.state();
	}

}
