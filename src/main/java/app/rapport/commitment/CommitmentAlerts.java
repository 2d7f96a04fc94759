package app.rapport.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Set;

import app.rapport.identity.Role;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.notification.Notice;
import app.rapport.notification.Notifications;
import app.rapport.ticket.TicketService;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about at-risk and breached commitments (the owner and the group's supervisors, in-app and
 * by mail) and applies the plan's escalation rules, once per at-risk or breached clock however often the
 * event is delivered.
 */
@Component
class CommitmentAlerts {

	private final ServicePlanRepository plans;

	private final TrackedTicketRepository tracked;

	private final UserDirectory users;

	private final Notifications notifications;

	private final TicketService tickets;

	private final Clock clock;

	private final Map<Long, Supervisors> supervisorsByGroup = new ConcurrentHashMap<>();

	static final Duration SUPERVISORS_FOR = Duration.ofSeconds(10);

	CommitmentAlerts(ServicePlanRepository plans, TrackedTicketRepository tracked, UserDirectory users,
			Notifications notifications, TicketService tickets, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.tracked = tracked;
		this.users = users;
		this.notifications = notifications;
		this.tickets = tickets;
	}

	@ApplicationModuleListener
	void on(CommitmentAtRisk event) {
		alert(EscalationRule.Trigger.AT_RISK, "commitment.notice.at-risk", "at-risk:" + event.clockId() + ":"
				+ event.dueAt().toEpochMilli(), event.ticketId(), event.commitment(), event.ownerId(), event.groupId(),
				event.planId());
	}

	@ApplicationModuleListener
	void on(CommitmentBreached event) {
		alert(EscalationRule.Trigger.BREACHED, "commitment.notice.breached", "breach:" + event.breachId(),
				event.ticketId(), event.commitment(), event.ownerId(), event.groupId(), event.planId());
	}

	/** The group's active supervisors, read at most every {@link #SUPERVISORS_FOR} (a burst of breaches asks often). */
	private List<Long> supervisors(long groupId) {
		Instant now = clock.instant();
		Supervisors known = supervisorsByGroup.get(groupId);
		if (known == null || known.readAt.plus(SUPERVISORS_FOR).isBefore(now) || known.readAt.isAfter(now)) {
			known = new Supervisors(now, users.activeMembers(groupId)
				.stream()
				.filter(u -> u.role() == Role.SUPERVISOR)
				.map(UserSummary::id)
				.toList());
			supervisorsByGroup.put(groupId, known);
		}
		return known.ids;
	}

	private record Supervisors(Instant readAt, List<Long> ids) {
	}

	/**
	 * Runs after the detecting transaction committed, in its own, and again until it succeeds: notices carry
	 * what they are {@code about}, so that a redelivery tells nobody twice, and the escalation (raise to a
	 * priority, move to a group) leaves a ticket already escalated as it is.
	 */
	private void alert(EscalationRule.Trigger trigger, String messageKey, String about, long ticketId,
			Commitment commitment,
			Long ownerId, long groupId, long planId) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (ownerId != null) {
			recipients.add(ownerId);
		}
		recipients.addAll(supervisors(groupId));
		List<EscalationRule> rules = plans.findById(planId)
			.map(p -> p.escalations.stream().filter(r -> r.appliesTo(trigger, commitment)).toList())
			.orElse(List.of());
		rules.stream().map(r -> r.notifyUserId).filter(id -> id != null).forEach(recipients::add);
		String subject = tracked.findById(ticketId).map(t -> t.subject).orElse("");
		notifications.notify(recipients, new Notice(trigger == EscalationRule.Trigger.AT_RISK ? "commitment.at-risk"
				: "commitment.breached", messageKey,
				List.of(String.valueOf(ticketId), subject, "msg:commitment.kind." + commitment.key()),
				"/tickets/" + ticketId, ticketId), about);
		for (EscalationRule rule : rules) {
			if (rule.raisePriority != null || rule.reassignGroupId != null) {
				tickets.escalate(ticketId, rule.raisePriority, rule.reassignGroupId);
			}
		}
	}

}
