package app.rapport.commitment;

import java.util.List;

/** A service plan as pages and the API show it. */
public record PlanView(long id, String name, String description, long calendarId, String calendarName,
		boolean isDefault, int atRiskPercent, List<String> pendingCustomerPauses, List<String> onHoldPauses,
		boolean publicListed, List<PlanInput.Target> targets, List<PlanInput.Escalation> escalations, long version) {
}
