package app.rapport.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaches and their reasons: who sees which (agents those of their groups or their own, everyone else
 * all), who explains them (the owner, a supervisor or an admin), and the reason list.
 */
@Service
@Transactional
public class Breaches {

	static final int MAX_NOTE = 2000;

	private final BreachRepository breaches;

	private final BreachReasonRepository reasons;

	private final TrackedTicketRepository tracked;

	private final ServicePlanRepository plans;

	private final UserDirectory users;

	private final Clock clock;

	Breaches(BreachRepository breaches, BreachReasonRepository reasons, TrackedTicketRepository tracked,
			ServicePlanRepository plans, UserDirectory users, Clock clock) {
		this.breaches = breaches;
		this.reasons = reasons;
		this.tracked = tracked;
		this.plans = plans;
		this.users = users;
		this.clock = clock;
	}

	/** Filter for the breach list; any field may be null. */
	public record Filter(Boolean explained, Long ownerId, Long groupId, Long ticketId) {
	}

	@Transactional(readOnly = true)
	public Page<BreachView> find(Filter filter, Pageable pageable, CurrentUser me, String language) {
		Set<Long> myGroups = me.seesAllTickets() ? Set.of() : users.groupIdsOf(me.id());
		Specification<Breach> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.explained() != null) {
				where.add(filter.explained() ? cb.isNotNull(root.get("explainedAt")) : cb.isNull(root.get("explainedAt")));
			}
			if (filter.ownerId() != null) {
				where.add(cb.equal(root.get("ownerId"), filter.ownerId()));
			}
			if (filter.groupId() != null) {
				where.add(cb.equal(root.get("groupId"), filter.groupId()));
			}
			if (filter.ticketId() != null) {
				where.add(cb.equal(root.get("ticketId"), filter.ticketId()));
			}
			if (!me.seesAllTickets()) {
				Predicate own = cb.equal(root.get("ownerId"), me.id());
				where.add(myGroups.isEmpty() ? own : cb.or(own, root.get("groupId").in(myGroups)));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		Page<Breach> page = breaches.findAll(spec, pageable);
		return page.map(views(page.getContent(), language)::get);
	}

	@Transactional(readOnly = true)
	public BreachView get(long id, CurrentUser me, String language) {
		Breach breach = visible(id, me);
		return views(List.of(breach), language).get(breach);
	}

	/** Gives a breach its reason and note; the owner, a supervisor or an admin may. */
	public BreachView explain(long id, String reasonKey, String note, Long expectedVersion, CurrentUser me,
			String language) {
		Breach breach = visible(id, me);
		boolean mayExplain = me.role() == Role.ADMIN || me.role() == Role.SUPERVISOR
				|| (breach.ownerId != null && breach.ownerId == me.id());
		if (!mayExplain) {
			throw new AccessDeniedException("Only the ticket's owner, a supervisor or an admin explains a breach.");
		}
		if (expectedVersion != null && expectedVersion != breach.version) {
			throw new ConflictException("Breach " + id + " was explained by someone else meanwhile; reload it.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		BreachReason reason = reasonKey == null ? null : reasons.findById(reasonKey.strip()).orElse(null);
		if (reason == null || !reason.active) {
			errors.put("reasonKey", "must be one of " + reasons.findAllByOrderByPositionAsc()
				.stream()
				.filter(r -> r.active)
				.map(r -> r.key)
				.toList());
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			errors.put("note", "say in a sentence what happened");
		}
		else if (text.length() > MAX_NOTE) {
			errors.put("note", "must be at most " + MAX_NOTE + " characters");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The explanation has invalid fields.", errors);
		}
		breach.reasonKey = reason.key;
		breach.note = text;
		breach.explainedBy = me.id();
		breach.explainedAt = clock.instant();
		breaches.flush();
		return views(List.of(breach), language).get(breach);
	}

	@Transactional(readOnly = true)
	public List<ReasonView> reasons() {
		return reasons.findAllByOrderByPositionAsc().stream().map(Breaches::reasonView).toList();
	}

	/** Adds or renames a reason (admin list); names are required in all four languages. */
	public ReasonView saveReason(String key, Map<String, String> names, boolean active, int position) {
		Map<String, String> errors = new LinkedHashMap<>();
		String k = key == null ? "" : key.strip();
		if (!k.matches("[a-z0-9][a-z0-9-]{0,59}")) {
			errors.put("key", "use 1 to 60 lower-case letters, digits and dashes");
		}
		for (String lang : List.of("en", "zh-CN", "zh-TW", "bg")) {
			String name = names == null ? null : names.get(lang);
			if (name == null || name.isBlank() || name.length() > 200) {
				errors.put("names." + lang, "must be 1 to 200 characters");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The reason has invalid fields.", errors);
		}
		BreachReason reason = reasons.findById(k)
			.orElseGet(() -> new BreachReason(k, "", "", "", "", position));
		reason.nameEn = names.get("en").strip();
		reason.nameZhCn = names.get("zh-CN").strip();
		reason.nameZhTw = names.get("zh-TW").strip();
		reason.nameBg = names.get("bg").strip();
		reason.active = active;
		reason.position = position;
		reasons.save(reason);
		return reasonView(reason);
	}

	private Breach visible(long id, CurrentUser me) {
		Breach breach = breaches.findById(id).orElseThrow(() -> new NotFoundException("Breach " + id));
		if (!me.seesAllTickets() && !(breach.ownerId != null && breach.ownerId == me.id())
				&& !users.groupIdsOf(me.id()).contains(breach.groupId)) {
			throw new NotFoundException("Breach " + id);
		}
		return breach;
	}

	private Map<Breach, BreachView> views(List<Breach> list, String language) {
		Set<Long> ticketIds = new HashSet<>();
		Set<Long> userIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		for (Breach b : list) {
			ticketIds.add(b.ticketId);
			if (b.ownerId != null) {
				userIds.add(b.ownerId);
			}
			groupIds.add(b.groupId);
		}
		Map<Long, String> subjects = new LinkedHashMap<>();
		tracked.findAllById(ticketIds).forEach(t -> subjects.put(t.ticketId, t.subject));
		Map<Long, UserSummary> owners = users.users(userIds);
		Map<Long, GroupSummary> groups = users.groups(groupIds);
		Map<Long, String> planNames = new LinkedHashMap<>();
		plans.findAll().forEach(p -> planNames.put(p.id, p.name));
		Map<String, BreachReason> reasonByKey = new LinkedHashMap<>();
		reasons.findAll().forEach(r -> reasonByKey.put(r.key, r));
		Instant now = clock.instant();
		Map<Breach, BreachView> views = new java.util.IdentityHashMap<>();
		for (Breach b : list) {
			UserSummary owner = b.ownerId == null ? null : owners.get(b.ownerId);
			GroupSummary group = groups.get(b.groupId);
			BreachReason reason = b.reasonKey == null ? null : reasonByKey.get(b.reasonKey);
			views.put(b, new BreachView(b.id, b.ticketId, subjects.getOrDefault(b.ticketId, ""), b.commitment.key(),
					b.dueAt, b.detectedAt, b.ownerId, owner == null ? null : owner.displayName(), b.groupId,
					group == null ? null : group.name(), b.planId, planNames.get(b.planId), b.priority.name(),
					b.reasonKey, reason == null ? null : reason.name(language), b.note, b.explainedBy, b.explainedAt,
					Duration.between(b.detectedAt, now).toDays(), b.version));
		}
		return views;
	}

	static ReasonView reasonView(BreachReason r) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("en", r.nameEn);
		names.put("zh-CN", r.nameZhCn);
		names.put("zh-TW", r.nameZhTw);
		names.put("bg", r.nameBg);
		return new ReasonView(r.key, names, r.active, r.position);
	}

}
