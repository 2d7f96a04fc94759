package app.rapport.commitment;

import java.util.List;

/** A service plan as pages and the API show it. */
@org.springframework.modulith.NamedInterface("api")
public record PlanView(long id, String name, String description, long calendarId, String calendarName,
		boolean isDefault, int atRiskPercent, List<String> pendingCustomerPauses, List<String> onHoldPauses,
		boolean publicListed, List<PlanInput.Target> targets, List<PlanInput.Escalation> escalations, long version,
		RecomputeProgress recompute) {

	/** The same plan with the latest recompute of its running clocks ({@code null}: none yet). */
	public PlanView withRecompute(RecomputeProgress progress) {
		return new PlanView(id, name, description, calendarId, calendarName, isDefault, atRiskPercent,
				pendingCustomerPauses, onHoldPauses, publicListed, targets, escalations, version, progress);
	}

}
