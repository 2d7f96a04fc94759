package app.rapport.commitment;

import java.time.Instant;
import java.time.LocalDate;

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

/**
 * A stored clock: the last computation for one commitment (and update cycle) of a ticket, plus what the
 * detector has already noticed about it. {@code nextCheckAt} is indexed: the detector reads only clocks
 * whose next check has come.
 */
@Entity
@Table(name = "commitment_clock")
class CommitmentClock {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Column(name = "ticket_id")
	long ticketId;

	@Convert(converter = CommitmentKeyConverter.class)
	Commitment commitment;

	@Column(name = "cycle_no")
	int cycle;

	@Enumerated(EnumType.STRING)
	ClockState state;

	@Column(name = "plan_id")
	long planId;

	@Enumerated(EnumType.STRING)
	Priority priority;

	@Column(name = "group_id")
	long groupId;

	@Column(name = "owner_id")
	Long ownerId;

	@Column(name = "target_minutes")
	int targetMinutes;

	@Column(name = "started_at")
	Instant startedAt;

	@Column(name = "due_at")
	Instant dueAt;

	@Column(name = "at_risk_at")
	Instant atRiskAt;

	@Column(name = "stopped_at")
	Instant stoppedAt;

	@Column(name = "breached_at")
	Instant breachedAt;

	@Column(name = "remaining_seconds")
	Long remainingSeconds;

	@Column(name = "at_risk_notified_at")
	Instant atRiskNotifiedAt;

	@Column(name = "detected_at")
	Instant detectedAt;

	@Column(name = "next_check_at")
	Instant nextCheckAt;

	@Column(name = "settled_on")
	LocalDate settledOn;

	@Version
	long version;

	protected CommitmentClock() {
	}

	CommitmentClock(long ticketId, Commitment commitment, int cycle) {
		this.ticketId = ticketId;
		this.commitment = commitment;
		this.cycle = cycle;
	}

	/** Takes a fresh computation, keeping what the detector already noticed; decides the next check. */
	void apply(ClockOutcome o, TrackedTicket ticket, java.time.ZoneId zone) {
		Instant detectedBreach = detectedAt != null ? breachedAt : null;
		state = o.state();
		planId = o.planId();
		priority = o.priority();
		groupId = ticket.groupId;
		ownerId = ticket.ownerId;
		targetMinutes = (int) o.target().toMinutes();
		startedAt = o.startedAt();
		dueAt = o.dueAt();
		atRiskAt = o.atRiskAt();
		stoppedAt = o.stoppedAt();
		breachedAt = o.breachedAt();
		if (detectedBreach != null && breachedAt == null) {
			// A breach that was noticed (and recorded, and told) stays one, whatever a later change says.
			breachedAt = detectedBreach;
			state = ClockState.BREACHED;
			dueAt = detectedBreach;
		}
		remainingSeconds = state == ClockState.PAUSED ? o.remaining().toSeconds() : null;
		Instant settled = breachedAt != null ? breachedAt : state == ClockState.MET ? stoppedAt : null;
		settledOn = settled == null ? null : settled.atZone(zone).toLocalDate();
		nextCheckAt = nextCheck();
	}

	/** The at-risk or due instant not yet noticed, or the breach not yet recorded; null when nothing is pending. */
	Instant nextCheck() {
		if (breachedAt != null) {
			return detectedAt == null ? breachedAt : null;
		}
		if (state != ClockState.RUNNING) {
			return null;
		}
		Instant next = detectedAt == null ? dueAt : null;
		if (atRiskNotifiedAt == null && atRiskAt != null && (next == null || atRiskAt.isBefore(next))) {
			next = atRiskAt;
		}
		return next;
	}

	void noticeAtRisk(Instant now) {
		atRiskNotifiedAt = now;
		nextCheckAt = nextCheck();
	}

	void noticeBreach(Instant now, java.time.ZoneId zone) {
		detectedAt = now;
		if (breachedAt == null) {
			breachedAt = dueAt;
			state = ClockState.BREACHED;
			settledOn = breachedAt.atZone(zone).toLocalDate();
		}
		if (atRiskNotifiedAt == null) {
			// A clock that jumped straight to breached does not also announce it was at risk.
			atRiskNotifiedAt = now;
		}
		nextCheckAt = nextCheck();
	}

}
