package app.rapport.commitment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.ticket.Priority;

/**
 * The plan form. Durations are typed as working hours and minutes ("4:00", "0:30"); a row of targets
 * without any duration, and an escalation row without a trigger, are left out.
 */
public class PlanForm {

	/** Blank rows offered for ticket-type overrides and escalations. */
	static final int EXTRA_ROWS = 2;

	private String name;

	private String description;

	private Long calendarId;

	private boolean isDefault;

	private boolean publicListed;

	private String atRiskPercent = "80";

	private List<String> pendingPauses = new ArrayList<>(List.of("first_response", "next_update", "resolution"));

	private List<String> onHoldPauses = new ArrayList<>(List.of("resolution"));

	private List<TargetRow> targets = new ArrayList<>();

	private List<EscalationRow> escalations = new ArrayList<>();

	private Long version;

	static PlanForm empty() {
		PlanForm form = new PlanForm();
		form.padRows();
		return form;
	}

	static PlanForm of(PlanView plan) {
		PlanForm form = new PlanForm();
		form.name = plan.name();
		form.description = plan.description();
		form.calendarId = plan.calendarId();
		form.isDefault = plan.isDefault();
		form.publicListed = plan.publicListed();
		form.atRiskPercent = String.valueOf(plan.atRiskPercent());
		form.pendingPauses = new ArrayList<>(plan.pendingCustomerPauses());
		form.onHoldPauses = new ArrayList<>(plan.onHoldPauses());
		for (PlanInput.Target t : plan.targets()) {
			TargetRow row = new TargetRow();
			row.priority = t.priority();
			row.type = t.type() == null ? "" : t.type();
			row.firstResponse = CommitmentPages.hoursMinutes(t.firstResponseMinutes());
			row.nextUpdate = CommitmentPages.hoursMinutes(t.nextUpdateMinutes());
			row.resolution = CommitmentPages.hoursMinutes(t.resolutionMinutes());
			form.targets.add(row);
		}
		for (PlanInput.Escalation e : plan.escalations()) {
			EscalationRow row = new EscalationRow();
			row.trigger = e.trigger();
			row.commitment = e.commitment() == null ? "" : e.commitment();
			row.raisePriority = e.raisePriority() == null ? "" : e.raisePriority();
			row.reassignGroupId = e.reassignGroupId() == null ? "" : e.reassignGroupId().toString();
			row.notifyUserId = e.notifyUserId() == null ? "" : e.notifyUserId().toString();
			form.escalations.add(row);
		}
		form.version = plan.version();
		form.padRows();
		return form;
	}

	/**
	 * Puts the rows in the order the page shows them: one per priority without a ticket type first, then the
	 * type overrides and {@link #EXTRA_ROWS} blank ones; escalations plus blank rows.
	 */
	void padRows() {
		List<TargetRow> ordered = new ArrayList<>();
		for (Priority p : Priority.values()) {
			TargetRow row = targets.stream()
				.filter(t -> p.name().equals(t.priority) && (t.type == null || t.type.isBlank()))
				.findFirst()
				.orElseGet(() -> {
					TargetRow blank = new TargetRow();
					blank.priority = p.name();
					return blank;
				});
			row.standard = true;
			ordered.add(row);
		}
		targets.stream().filter(t -> t.type != null && !t.type.isBlank()).forEach(ordered::add);
		for (int i = 0; i < EXTRA_ROWS; i++) {
			ordered.add(new TargetRow());
		}
		targets = ordered;
		for (int i = 0; i < EXTRA_ROWS; i++) {
			escalations.add(new EscalationRow());
		}
	}

	/**
	 * The input for the service. {@code targetRows} and {@code escalationRows} receive, for each entry of
	 * the input, the form row it came from (so that the service's errors land on the right row); bad
	 * durations and numbers go to {@code errors}.
	 */
	PlanInput toInput(List<Integer> targetRows, List<Integer> escalationRows, Map<String, String> errors,
			CommitmentPages pages) {
		List<PlanInput.Target> targetInput = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			TargetRow row = targets.get(i);
			Integer fr = duration(row.firstResponse, "targets[" + i + "].firstResponseMinutes", errors, pages);
			Integer nu = duration(row.nextUpdate, "targets[" + i + "].nextUpdateMinutes", errors, pages);
			Integer rs = duration(row.resolution, "targets[" + i + "].resolutionMinutes", errors, pages);
			boolean blank = isBlank(row.firstResponse) && isBlank(row.nextUpdate) && isBlank(row.resolution);
			if (blank) {
				continue;
			}
			targetRows.add(i);
			targetInput.add(new PlanInput.Target(blankToNull(row.priority), blankToNull(row.type), fr, nu, rs));
		}
		List<PlanInput.Escalation> escalationInput = new ArrayList<>();
		for (int i = 0; i < escalations.size(); i++) {
			EscalationRow row = escalations.get(i);
			if (isBlank(row.trigger)) {
				continue;
			}
			escalationRows.add(i);
			escalationInput.add(new PlanInput.Escalation(row.trigger, blankToNull(row.commitment),
					blankToNull(row.raisePriority), id(row.reassignGroupId), id(row.notifyUserId)));
		}
		Integer atRisk = null;
		if (!isBlank(atRiskPercent)) {
			try {
				atRisk = Integer.parseInt(atRiskPercent.strip());
			}
			catch (NumberFormatException ex) {
				errors.put("atRiskPercent", pages.text("commitments.plan.error.atRisk"));
			}
		}
		return new PlanInput(name, description, calendarId, isDefault, atRisk, List.copyOf(pendingPauses),
				List.copyOf(onHoldPauses), publicListed, targetInput, escalationInput, version);
	}

	private static Integer duration(String text, String field, Map<String, String> errors, CommitmentPages pages) {
		try {
			return CommitmentPages.minutes(text);
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, pages.text("commitments.error.duration"));
			return null;
		}
	}

	private static Long id(String text) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			// A select sends an id; anything else names nobody, which the service reports.
			return -1L;
		}
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	private static String blankToNull(String s) {
		return isBlank(s) ? null : s.strip();
	}

	/** Minutes promised for one priority (and ticket type), as "h:mm". */
	public static class TargetRow {

		private String priority;

		private String type = "";

		private String firstResponse = "";

		private String nextUpdate = "";

		private String resolution = "";

		private boolean standard;

		public String getPriority() {
			return priority;
		}

		public void setPriority(String priority) {
			this.priority = priority;
		}

		public String getType() {
			return type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getFirstResponse() {
			return firstResponse;
		}

		public void setFirstResponse(String firstResponse) {
			this.firstResponse = firstResponse;
		}

		public String getNextUpdate() {
			return nextUpdate;
		}

		public void setNextUpdate(String nextUpdate) {
			this.nextUpdate = nextUpdate;
		}

		public String getResolution() {
			return resolution;
		}

		public void setResolution(String resolution) {
			this.resolution = resolution;
		}

		public boolean isStandard() {
			return standard;
		}

		public void setStandard(boolean standard) {
			this.standard = standard;
		}

	}

	/** One escalation rule as the form shows it; ids as text so that a blank select binds. */
	public static class EscalationRow {

		private String trigger = "";

		private String commitment = "";

		private String raisePriority = "";

		private String reassignGroupId = "";

		private String notifyUserId = "";

		public String getTrigger() {
			return trigger;
		}

		public void setTrigger(String trigger) {
			this.trigger = trigger;
		}

		public String getCommitment() {
			return commitment;
		}

		public void setCommitment(String commitment) {
			this.commitment = commitment;
		}

		public String getRaisePriority() {
			return raisePriority;
		}

		public void setRaisePriority(String raisePriority) {
			this.raisePriority = raisePriority;
		}

		public String getReassignGroupId() {
			return reassignGroupId;
		}

		public void setReassignGroupId(String reassignGroupId) {
			this.reassignGroupId = reassignGroupId;
		}

		public String getNotifyUserId() {
			return notifyUserId;
		}

		public void setNotifyUserId(String notifyUserId) {
			this.notifyUserId = notifyUserId;
		}

	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getCalendarId() {
		return calendarId;
	}

	public void setCalendarId(Long calendarId) {
		this.calendarId = calendarId;
	}

	public boolean getIsDefault() {
		return isDefault;
	}

	public void setIsDefault(boolean isDefault) {
		this.isDefault = isDefault;
	}

	public boolean isPublicListed() {
		return publicListed;
	}

	public void setPublicListed(boolean publicListed) {
		this.publicListed = publicListed;
	}

	public String getAtRiskPercent() {
		return atRiskPercent;
	}

	public void setAtRiskPercent(String atRiskPercent) {
		this.atRiskPercent = atRiskPercent;
	}

	public List<String> getPendingPauses() {
		return pendingPauses;
	}

	public void setPendingPauses(List<String> pendingPauses) {
		this.pendingPauses = pendingPauses;
	}

	public List<String> getOnHoldPauses() {
		return onHoldPauses;
	}

	public void setOnHoldPauses(List<String> onHoldPauses) {
		this.onHoldPauses = onHoldPauses;
	}

	public List<TargetRow> getTargets() {
		return targets;
	}

	public void setTargets(List<TargetRow> targets) {
		this.targets = targets;
	}

	public List<EscalationRow> getEscalations() {
		return escalations;
	}

	public void setEscalations(List<EscalationRow> escalations) {
		this.escalations = escalations;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
