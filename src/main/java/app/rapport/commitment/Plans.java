package app.rapport.commitment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.rapport.audit.AuditTrail;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service plans: their targets, pause rules and escalations, which customers have which plan, and the
 * plan in force for a ticket. A change of a plan's rules recomputes the clocks of its open tickets; a
 * customer's change of plan applies to their open tickets from that moment on, and is audited.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class Plans {

	static final int MAX_NAME = 100;

	static final int MAX_MINUTES = 366 * 24 * 60;

	private final ServicePlanRepository plans;

	private final WorkCalendarRepository calendars;

	private final PlanAssignmentRepository assignments;

	private final TrackedTicketRepository tracked;

	private final ClockKeeper keeper;

	private final ClockRecomputes recomputes;

	private final PlanChooser chooser;

	private final PlanBook book;

	private final CustomerDirectory customers;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Clock clock;

	Plans(ServicePlanRepository plans, WorkCalendarRepository calendars, PlanAssignmentRepository assignments,
			TrackedTicketRepository tracked, ClockKeeper keeper, ClockRecomputes recomputes, PlanChooser chooser, PlanBook book, CustomerDirectory customers,
			UserDirectory users, AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.calendars = calendars;
		this.assignments = assignments;
		this.tracked = tracked;
		this.keeper = keeper;
		this.recomputes = recomputes;
		this.chooser = chooser;
		this.book = book;
		this.customers = customers;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<PlanView> all() {
		return views(plans.findAllByOrderByNameAsc());
	}

	/** The plans shown on the public commitments page. */
	@Transactional(readOnly = true)
	public List<PlanView> published() {
		return views(plans.findAllByOrderByNameAsc().stream().filter(p -> p.publicListed).toList());
	}

	@Transactional(readOnly = true)
	/** The plan, with the latest background recompute of its running clocks. */
	public PlanView get(long id) {
		ServicePlan plan = find(id);
		return view(plan, calendarName(plan.calendarId)).withRecompute(recomputes.progress(id).orElse(null));
	}

	public PlanView create(PlanInput input, Long actor) {
		ServicePlan plan = new ServicePlan("", 0, clock.instant());
		apply(plan, input);
		if (plans.count() == 0) {
			plan.isDefault = true;
		}
		plans.saveAndFlush(plan);
		if (plan.isDefault) {
			onlyDefault(plan);
		}
		audit.record("plan", plan.id, "created", null, plan.name, actor);
		book.forget();
		return get(plan.id);
	}

	public PlanView update(long id, PlanInput input, Long actor) {
		ServicePlan plan = find(id);
		if (input.version() != null && input.version() != plan.version) {
			throw new ConflictException("Plan " + id + " was changed by someone else (version " + plan.version
					+ ", yours " + input.version() + "); reload it and apply your change again.");
		}
		boolean wasDefault = plan.isDefault;
		apply(plan, input);
		if (wasDefault && !plan.isDefault) {
			throw new InvalidInputException("isDefault", "make another plan the default instead");
		}
		plan.updatedAt = clock.instant();
		plans.flush();
		if (plan.isDefault) {
			onlyDefault(plan);
		}
		audit.record("plan", plan.id, "changed", null, plan.name, actor);
		book.forget();
		recomputes.request(List.of(id));
		return get(id);
	}

	public void delete(long id, Long actor) {
		ServicePlan plan = find(id);
		if (plan.isDefault) {
			throw new ConflictException("Plan " + plan.name + " is the default plan; make another plan the default first.");
		}
		if (assignments.existsByPlanId(id) || tracked.existsByPlanId(id)) {
			throw new ConflictException("Plan " + plan.name + " is in use by customers or tickets; it cannot be deleted.");
		}
		plans.delete(plan);
		audit.record("plan", id, "deleted", plan.name, null, actor);
		book.forget();
	}

	/** The plan an organization has, if one was given to it. */
	@Transactional(readOnly = true)
	public Optional<PlanView> ofOrganization(long organizationId) {
		return assignments.findById(new PlanAssignment.Target(PlanAssignment.ORGANIZATION, organizationId))
			.map(a -> get(a.planId));
	}

	/** The plan a contact was given themselves, if any (not the one they inherit). */
	@Transactional(readOnly = true)
	public Optional<PlanView> ofContact(long contactId) {
		return assignments.findById(new PlanAssignment.Target(PlanAssignment.CONTACT, contactId)).map(a -> get(a.planId));
	}

	/** The plan a contact has: their own, else their organization's, else the default. */
	@Transactional(readOnly = true)
	public PlanView inForce(long contactId) {
		ContactSummary contact = customers.contact(contactId).orElseThrow(() -> new NotFoundException("Contact " + contactId));
		return get(chooser.planFor(contact.id(), contact.organizationId()));
	}

	/** Gives an organization a plan ({@code null}: back to the default); its open tickets follow from now on. */
	public void assignToOrganization(long organizationId, Long planId, Long actor) {
		customers.organizationName(organizationId)
			.orElseThrow(() -> new NotFoundException("Organization " + organizationId));
		var target = new PlanAssignment.Target(PlanAssignment.ORGANIZATION, organizationId);
		String before = assign(target, planId);
		audit.record(AuditTrail.ORGANIZATION, organizationId, "plan", before, planId == null ? null : find(planId).name,
				actor);
		Instant now = clock.instant();
		for (TrackedTicket t : tracked.findByOrganizationIdAndStateIn(organizationId, TicketState.ACTIVE)) {
			keeper.changePlan(List.of(t), chooser.planFor(t.requesterId, t.organizationId), now);
		}
	}

	/** Gives a contact their own plan ({@code null}: inherit the organization's); open tickets follow from now on. */
	public void assignToContact(long contactId, Long planId, Long actor) {
		customers.contact(contactId).orElseThrow(() -> new NotFoundException("Contact " + contactId));
		var target = new PlanAssignment.Target(PlanAssignment.CONTACT, contactId);
		String before = assign(target, planId);
		audit.record(AuditTrail.CONTACT, contactId, "plan", before, planId == null ? null : find(planId).name, actor);
		Instant now = clock.instant();
		for (TrackedTicket t : tracked.findByRequesterIdAndStateIn(contactId, TicketState.ACTIVE)) {
			keeper.changePlan(List.of(t), chooser.planFor(t.requesterId, t.organizationId), now);
		}
	}

	private String assign(PlanAssignment.Target target, Long planId) {
		Optional<PlanAssignment> existing = assignments.findById(target);
		String before = existing.map(a -> find(a.planId).name).orElse(null);
		if (planId == null) {
			existing.ifPresent(assignments::delete);
		}
		else {
			ServicePlan plan = plans.findById(planId)
				.orElseThrow(() -> new InvalidInputException("planId", "there is no plan with id " + planId));
			if (existing.isPresent()) {
				existing.get().planId = plan.id;
				existing.get().assignedAt = clock.instant();
			}
			else {
				assignments.save(new PlanAssignment(target, plan.id, clock.instant()));
			}
		}
		assignments.flush();
		return before;
	}

	// ---------------------------------------------------------------- helpers

	ServicePlan find(long id) {
		return plans.findById(id).orElseThrow(() -> new NotFoundException("Plan " + id));
	}

	private void onlyDefault(ServicePlan plan) {
		for (ServicePlan other : plans.findAll()) {
			if (!other.id.equals(plan.id) && other.isDefault) {
				other.isDefault = false;
			}
		}
	}

	private void apply(ServicePlan plan, PlanInput in) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = in.name() == null ? "" : in.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			errors.put("name", "must be 1 to " + MAX_NAME + " characters");
		}
		else {
			plans.findByNameIgnoreCase(name)
				.filter(other -> !other.id.equals(plan.id))
				.ifPresent(other -> errors.put("name", "another plan is called '" + name + "'"));
		}
		if (in.description() != null && in.description().length() > 2000) {
			errors.put("description", "must be at most 2000 characters");
		}
		if (in.calendarId() == null || !calendars.existsById(in.calendarId())) {
			errors.put("calendarId", in.calendarId() == null ? "give the calendar the plan's time is counted in"
					: "there is no calendar with id " + in.calendarId());
		}
		int atRisk = in.atRiskPercent() == null ? plan.atRiskPercent : in.atRiskPercent();
		if (atRisk < 1 || atRisk > 99) {
			errors.put("atRiskPercent", "must be between 1 and 99");
		}
		Set<Commitment> pending = commitments("pendingCustomerPauses", in.pendingCustomerPauses(), plan.pendingPauseSet(),
				errors);
		Set<Commitment> onHold = commitments("onHoldPauses", in.onHoldPauses(), plan.onHoldPauseSet(), errors);
		List<PlanTarget> targets = targets(in.targets(), errors);
		List<EscalationRule> escalations = escalations(in.escalations(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The plan has invalid fields.", errors);
		}
		plan.name = name;
		plan.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
		plan.calendarId = in.calendarId();
		if (in.isDefault() != null) {
			plan.isDefault = in.isDefault();
		}
		if (in.publicListed() != null) {
			plan.publicListed = in.publicListed();
		}
		plan.atRiskPercent = atRisk;
		plan.pendingPauses = ServicePlan.format(pending);
		plan.onHoldPauses = ServicePlan.format(onHold);
		plan.targets.clear();
		plan.targets.addAll(targets);
		plan.escalations.clear();
		plan.escalations.addAll(escalations);
	}

	private static Set<Commitment> commitments(String field, List<String> keys, Set<Commitment> current,
			Map<String, String> errors) {
		if (keys == null) {
			return current;
		}
		Set<Commitment> set = EnumSet.noneOf(Commitment.class);
		for (String key : keys) {
			try {
				set.add(Commitment.fromKey(key == null ? "" : key));
			}
			catch (IllegalArgumentException ex) {
				errors.put(field, ex.getMessage());
			}
		}
		return set;
	}

	private static List<PlanTarget> targets(List<PlanInput.Target> input, Map<String, String> errors) {
		List<PlanTarget> result = new ArrayList<>();
		if (input == null || input.isEmpty()) {
			errors.put("targets", "give at least one target, e.g. {\"priority\": \"NORMAL\", \"firstResponseMinutes\": 240}");
			return result;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < input.size(); i++) {
			PlanInput.Target t = input.get(i);
			String field = "targets[" + i + "]";
			if (t == null) {
				errors.put(field, "must not be empty");
				continue;
			}
			Priority priority = parse(Priority.class, t.priority(), field + ".priority", errors);
			TicketType type = t.type() == null || t.type().isBlank() ? null
					: parse(TicketType.class, t.type(), field + ".type", errors);
			if (t.priority() == null) {
				errors.put(field + ".priority", "must be one of " + List.of(Priority.values()));
			}
			minutes(field + ".firstResponseMinutes", t.firstResponseMinutes(), errors);
			minutes(field + ".nextUpdateMinutes", t.nextUpdateMinutes(), errors);
			minutes(field + ".resolutionMinutes", t.resolutionMinutes(), errors);
			if (t.firstResponseMinutes() == null && t.nextUpdateMinutes() == null && t.resolutionMinutes() == null) {
				errors.put(field, "promises nothing; give at least one of the three durations");
			}
			if (priority != null && !seen.add(priority + "/" + type)) {
				errors.put(field, "repeats the target for " + priority + (type == null ? "" : " " + type));
			}
			if (priority != null) {
				result.add(new PlanTarget(priority, type, t.firstResponseMinutes(), t.nextUpdateMinutes(),
						t.resolutionMinutes()));
			}
		}
		return result;
	}

	private static void minutes(String field, Integer value, Map<String, String> errors) {
		if (value != null && (value < 1 || value > MAX_MINUTES)) {
			errors.put(field, "must be between 1 and " + MAX_MINUTES + " business minutes");
		}
	}

	private List<EscalationRule> escalations(List<PlanInput.Escalation> input, Map<String, String> errors) {
		List<EscalationRule> result = new ArrayList<>();
		if (input == null) {
			return result;
		}
		for (int i = 0; i < input.size(); i++) {
			PlanInput.Escalation e = input.get(i);
			String field = "escalations[" + i + "]";
			if (e == null) {
				errors.put(field, "must not be empty");
				continue;
			}
			EscalationRule.Trigger trigger = e.trigger() == null ? null
					: parse(EscalationRule.Trigger.class, e.trigger(), field + ".trigger", errors);
			if (e.trigger() == null) {
				errors.put(field + ".trigger", "must be at_risk or breached");
			}
			Commitment commitment = null;
			if (e.commitment() != null && !e.commitment().isBlank()) {
				try {
					commitment = Commitment.fromKey(e.commitment());
				}
				catch (IllegalArgumentException ex) {
					errors.put(field + ".commitment", ex.getMessage());
				}
			}
			Priority raise = e.raisePriority() == null || e.raisePriority().isBlank() ? null
					: parse(Priority.class, e.raisePriority(), field + ".raisePriority", errors);
			if (e.reassignGroupId() != null && users.group(e.reassignGroupId()).isEmpty()) {
				errors.put(field + ".reassignGroupId", "there is no group with id " + e.reassignGroupId());
			}
			if (e.notifyUserId() != null && users.user(e.notifyUserId()).isEmpty()) {
				errors.put(field + ".notifyUserId", "there is no user with id " + e.notifyUserId());
			}
			if (raise == null && e.reassignGroupId() == null && e.notifyUserId() == null) {
				errors.put(field, "does nothing; raise the priority, reassign or notify someone");
			}
			if (trigger != null) {
				result.add(new EscalationRule(trigger, commitment, raise, e.reassignGroupId(), e.notifyUserId()));
			}
		}
		return result;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
			return null;
		}
	}

	private String calendarName(long calendarId) {
		return calendars.findById(calendarId).map(c -> c.name).orElse("?");
	}

	private List<PlanView> views(List<ServicePlan> list) {
		Map<Long, String> names = new LinkedHashMap<>();
		calendars.findAll().forEach(c -> names.put(c.id, c.name));
		return list.stream().map(p -> view(p, names.getOrDefault(p.calendarId, "?"))).toList();
	}

	static PlanView view(ServicePlan p, String calendarName) {
		List<PlanInput.Target> targets = p.targets.stream()
			.map(t -> new PlanInput.Target(t.priority.name(), t.ticketType == null ? null : t.ticketType.name(),
					t.firstResponseMinutes, t.nextUpdateMinutes, t.resolutionMinutes))
			.toList();
		List<PlanInput.Escalation> escalations = p.escalations.stream()
			.map(e -> new PlanInput.Escalation(e.triggerOn.name().toLowerCase(Locale.ROOT),
					e.commitment == null ? null : e.commitment.key(),
					e.raisePriority == null ? null : e.raisePriority.name(), e.reassignGroupId, e.notifyUserId))
			.toList();
		return new PlanView(p.id, p.name, p.description, p.calendarId, calendarName, p.isDefault, p.atRiskPercent,
				p.pendingPauseSet().stream().sorted().map(Commitment::key).toList(),
				p.onHoldPauseSet().stream().sorted().map(Commitment::key).toList(), p.publicListed, targets, escalations,
				p.version, null);
	}

}
