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

	/**
	 * The same choice for many tickets at once, from one read of all assignments (adopting thousands of
	 * tickets would otherwise cost two lookups each).
	 */
	java.util.function.BiFunction<Long, Long, Long> snapshot() {
		java.util.Map<PlanAssignment.Target, Long> all = new java.util.HashMap<>();
		assignments.findAll().forEach(a -> all.put(a.target, a.planId));
		long fallback = defaultPlanId();
		return (contactId, organizationId) -> {
			Long own = all.get(new PlanAssignment.Target(PlanAssignment.CONTACT, contactId));
			if (own != null) {
				return own;
			}
			Long inherited = organizationId == null ? null
					: all.get(new PlanAssignment.Target(PlanAssignment.ORGANIZATION, organizationId));
			return inherited != null ? inherited : fallback;
		};
	}

	long defaultPlanId() {
		return plans.findFirstByIsDefaultTrue()
			.map(p -> p.id)
			.orElseThrow(() -> new IllegalStateException("there is no default service plan"));
	}

}
