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
import java.util.concurrent.ConcurrentHashMap;

import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live punctuality board. Every screen polls every few seconds; a board for the same filter (and
 * the same visible groups) is computed once per {@link #FRESH_FOR} and shared by all screens showing it,
 * so ten wall screens cost one query per tick, not ten.
 */
@Service
@Transactional(readOnly = true)
public class PunctualityBoard {

	static final Duration FRESH_FOR = Duration.ofSeconds(2);

	static final int MAX_ROWS = 200;

	/** What a board shows; any field may be null. */
	public record Filter(Long groupId, Long planId, Long ownerId) {
	}

	private record CacheKey(Filter filter, Set<Long> visibleGroups, Long viewer) {
	}

	private record Cached(Instant at, BoardView board) {
	}

	@PersistenceContext
	private EntityManager em;

	private final UserDirectory users;

	private final CustomerDirectory customers;

	private final ServicePlanRepository plans;

	private final PlanBook book;

	private final Clock clock;

	private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

	PunctualityBoard(UserDirectory users, CustomerDirectory customers, ServicePlanRepository plans, PlanBook book,
			Clock clock) {
		this.users = users;
		this.customers = customers;
		this.plans = plans;
		this.book = book;
		this.clock = clock;
	}

	public BoardView board(Filter filter, CurrentUser me) {
		Set<Long> visible = me.seesAllTickets() ? null : users.groupIdsOf(me.id());
		CacheKey key = new CacheKey(filter, visible, visible == null ? null : me.id());
		Instant now = clock.instant();
		Cached cached = cache.get(key);
		if (cached != null && !cached.at.plus(FRESH_FOR).isBefore(now) && !cached.at.isAfter(now)) {
			return cached.board;
		}
		if (cache.size() > 500) {
			cache.clear();
		}
		BoardView board = compute(filter, visible, me.id(), now);
		cache.put(key, new Cached(now, board));
		return board;
	}

	private BoardView compute(Filter filter, Set<Long> visibleGroups, long viewerId, Instant now) {
		StringBuilder where = new StringBuilder(" from CommitmentClock c, TrackedTicket t where t.ticketId = c.ticketId and c.stoppedAt is null");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.groupId() != null) {
			where.append(" and c.groupId = :groupId");
			params.put("groupId", filter.groupId());
		}
		if (filter.planId() != null) {
			where.append(" and c.planId = :planId");
			params.put("planId", filter.planId());
		}
		if (filter.ownerId() != null) {
			where.append(" and c.ownerId = :ownerId");
			params.put("ownerId", filter.ownerId());
		}
		if (visibleGroups != null) {
			where.append(visibleGroups.isEmpty() ? " and c.ownerId = :viewer" : " and (c.ownerId = :viewer or c.groupId in :visible)");
			params.put("viewer", viewerId);
			if (!visibleGroups.isEmpty()) {
				params.put("visible", visibleGroups);
			}
		}
		TypedQuery<Object[]> rowsQuery = em.createQuery("select c, t" + where + " order by c.dueAt asc nulls last, c.id", Object[].class);
		params.forEach(rowsQuery::setParameter);
		List<Object[]> found = rowsQuery.setMaxResults(MAX_ROWS + 1).getResultList();
		// Sum the at-risk flag instead of grouping by it: H2 refuses a parameterised CASE in GROUP BY.
		TypedQuery<Object[]> countQuery = em.createQuery("select c.state, sum(case when c.atRiskAt <= :now then 1 else 0 end), count(c)"
				+ where + " group by c.state", Object[].class);
		params.forEach(countQuery::setParameter);
		countQuery.setParameter("now", now);
		long running = 0, atRisk = 0, paused = 0, breached = 0;
		for (Object[] r : countQuery.getResultList()) {
			long n = ((Number) r[2]).longValue();
			switch ((ClockState) r[0]) {
				case RUNNING -> {
					running += n;
					atRisk += r[1] == null ? 0 : ((Number) r[1]).longValue();
				}
				case PAUSED -> paused += n;
				case BREACHED -> breached += n;
				default -> {
				}
			}
		}
		boolean truncated = found.size() > MAX_ROWS;
		List<Object[]> shown = truncated ? found.subList(0, MAX_ROWS) : found;
		Set<Long> userIds = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		Set<Long> contactIds = new HashSet<>();
		for (Object[] r : shown) {
			CommitmentClock c = (CommitmentClock) r[0];
			TrackedTicket t = (TrackedTicket) r[1];
			if (c.ownerId != null) {
				userIds.add(c.ownerId);
			}
			groupIds.add(c.groupId);
			contactIds.add(t.requesterId);
		}
		Map<Long, UserSummary> owners = users.users(userIds);
		Map<Long, GroupSummary> groups = users.groups(groupIds);
		Map<Long, ContactSummary> contacts = customers.contacts(contactIds);
		Map<Long, String> planNames = new LinkedHashMap<>();
		plans.findAll().forEach(p -> planNames.put(p.id, p.name));
		List<BoardView.Row> rows = new ArrayList<>(shown.size());
		for (Object[] r : shown) {
			CommitmentClock c = (CommitmentClock) r[0];
			TrackedTicket t = (TrackedTicket) r[1];
			Long left = null;
			if (c.state == ClockState.RUNNING && c.dueAt != null) {
				left = now.isBefore(c.dueAt) ? book.rules(c.planId).time().between(now, c.dueAt).toMinutes() : 0L;
			}
			else if (c.state == ClockState.PAUSED && c.remainingSeconds != null) {
				left = c.remainingSeconds / 60;
			}
			boolean isAtRisk = c.state == ClockState.RUNNING && c.atRiskAt != null && !c.atRiskAt.isAfter(now);
			UserSummary owner = c.ownerId == null ? null : owners.get(c.ownerId);
			GroupSummary group = groups.get(c.groupId);
			ContactSummary contact = contacts.get(t.requesterId);
			rows.add(new BoardView.Row(c.id, c.ticketId, t.subject, c.commitment.key(), c.state.key(), isAtRisk, c.dueAt,
					left, c.ownerId, owner == null ? null : owner.displayName(), c.groupId,
					group == null ? null : group.name(), c.planId, planNames.get(c.planId), t.requesterId,
					contact == null ? null : contact.name(), c.priority.name()));
		}
		return new BoardView(now, List.copyOf(rows), running, atRisk, paused, breached, truncated);
	}

}
