package app.rapport.commitment;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The plan an organization or a contact has. */
@Entity
@Table(name = "plan_assignment")
class PlanAssignment {

	static final String ORGANIZATION = "organization", CONTACT = "contact";

	/** Whose plan: an organization or a contact. */
	@Embeddable
	record Target(@Column(name = "target_kind") String kind, @Column(name = "target_id") long targetId)
			implements Serializable {
	}

	@EmbeddedId
	Target target;

	@Column(name = "plan_id")
	long planId;

	@Column(name = "assigned_at")
	Instant assignedAt;

	protected PlanAssignment() {
	}

	PlanAssignment(Target target, long planId, Instant assignedAt) {
		this.target = target;
		this.planId = planId;
		this.assignedAt = assignedAt;
	}

}
