package app.rapport.commitment;

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

/**
 * What a plan does when one of its commitments is at risk or breached: raise the priority, move the
 * ticket to another group, tell a named person. Any of the three may be empty.
 */
@Entity
@Table(name = "escalation_rule")
class EscalationRule {

	/** When the rule fires. */
	enum Trigger {

		AT_RISK, BREACHED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "trigger_on")
	Trigger triggerOn;

	/** {@code null}: any commitment of the plan. */
	@Convert(converter = CommitmentKeyConverter.class)
	Commitment commitment;

	@Enumerated(EnumType.STRING)
	@Column(name = "raise_priority")
	Priority raisePriority;

	@Column(name = "reassign_group_id")
	Long reassignGroupId;

	@Column(name = "notify_user_id")
	Long notifyUserId;

	protected EscalationRule() {
	}

	EscalationRule(Trigger triggerOn, Commitment commitment, Priority raisePriority, Long reassignGroupId,
			Long notifyUserId) {
		this.triggerOn = triggerOn;
		this.commitment = commitment;
		this.raisePriority = raisePriority;
		this.reassignGroupId = reassignGroupId;
		this.notifyUserId = notifyUserId;
	}

	boolean appliesTo(Trigger trigger, Commitment c) {
		return triggerOn == trigger && (commitment == null || commitment == c);
	}

}
