package app.rapport.commitment;

import java.util.List;

/**
 * A plan to create, or the new state of one. Pause lists name commitments ({@code first_response},
 * {@code next_update}, {@code resolution}); {@code null} keeps the defaults (all three pause while the
 * customer is to answer, only resolution while on hold).
 */
@org.springframework.modulith.NamedInterface("api")
public record PlanInput(String name, String description, Long calendarId, Boolean isDefault, Integer atRiskPercent,
		List<String> pendingCustomerPauses, List<String> onHoldPauses, Boolean publicListed, List<Target> targets,
		List<Escalation> escalations, Long version) {

	/** Business minutes promised for a priority (and optionally a ticket type); null: no promise of that kind. */
	public record Target(String priority, String type, Integer firstResponseMinutes, Integer nextUpdateMinutes,
			Integer resolutionMinutes) {
	}

	/** On {@code trigger} (at_risk or breached) of {@code commitment} (or any): raise priority, reassign, notify. */
	public record Escalation(String trigger, String commitment, String raisePriority, Long reassignGroupId,
			Long notifyUserId) {
	}

}
