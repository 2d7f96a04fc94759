package app.rapport.commitment;

import org.springframework.stereotype.Component;

/** Which plan a customer's new ticket gets: the contact's own, else the organization's, else the default. */
@Component
class PlanChooser {

	private final PlanAssignmentRepository assignments;

	private final ServicePlanRepository plans;

	PlanChooser(PlanAssignmentRepository assignments, ServicePlanRepository plans) {
		this.assignments = assignments;
		this.plans = plans;
	}

	long planFor(long contactId, Long organizationId) {
		var own = assignments.findById(new PlanAssignment.Target(PlanAssignment.CONTACT, contactId));
		if (own.isPresent()) {
			return own.get().planId;
		}
		if (organizationId != null) {
			var inherited = assignments.findById(new PlanAssignment.Target(PlanAssignment.ORGANIZATION, organizationId));
			if (inherited.isPresent()) {
				return inherited.get().planId;
			}
		}
		return defaultPlanId();
	}

	long defaultPlanId() {
		return plans.findFirstByIsDefaultTrue()
			.map(p -> p.id)
			.orElseThrow(() -> new IllegalStateException("there is no default service plan"));
	}

}
