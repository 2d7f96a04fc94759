package app.rapport.commitment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * How many breaches still wait for their reason, per owner and per group, among the breaches the user
 * may see (the same visibility as {@link Breaches#find}).
 */
@Service
@Transactional(readOnly = true)
public class BreachSummary {

	/** Unexplained breaches of one owner ({@code ownerId} null: nobody owned the ticket) or one group. */
	public record Count(Long id, String name, long count) {
	}

	/** Both lists, largest count first; never {@code null}. */
	public record Unexplained(List<Count> perOwner, List<Count> perGroup) {

		public long total() {
			return perGroup.stream().mapToLong(Count::count).sum();
		}

	}

	@PersistenceContext
	private EntityManager em;

	private final UserDirectory users;

	BreachSummary(UserDirectory users) {
		this.users = users;
	}

	public Unexplained unexplained(CurrentUser me) {
		List<Object[]> perOwner = counts("b.ownerId", me);
		List<Object[]> perGroup = counts("b.groupId", me);
		Set<Long> ownerIds = new HashSet<>();
		perOwner.stream().filter(r -> r[0] != null).forEach(r -> ownerIds.add((Long) r[0]));
		Set<Long> groupIds = new HashSet<>();
		perGroup.forEach(r -> groupIds.add((Long) r[0]));
		Map<Long, UserSummary> owners = users.users(ownerIds);
		Map<Long, GroupSummary> groups = users.groups(groupIds);
		List<Count> ownerCounts = new ArrayList<>();
		for (Object[] r : perOwner) {
			UserSummary owner = r[0] == null ? null : owners.get((Long) r[0]);
			ownerCounts.add(new Count((Long) r[0], owner == null ? null : owner.displayName(), ((Number) r[1]).longValue()));
		}
		List<Count> groupCounts = new ArrayList<>();
		for (Object[] r : perGroup) {
			GroupSummary group = groups.get((Long) r[0]);
			groupCounts.add(new Count((Long) r[0], group == null ? null : group.name(), ((Number) r[1]).longValue()));
		}
		Comparator<Count> largestFirst = Comparator.comparingLong(Count::count).reversed();
		ownerCounts.sort(largestFirst);
		groupCounts.sort(largestFirst);
		return new Unexplained(List.copyOf(ownerCounts), List.copyOf(groupCounts));
	}

	private List<Object[]> counts(String column, CurrentUser me) {
		StringBuilder jpql = new StringBuilder("select " + column + ", count(b) from Breach b where b.explainedAt is null");
		Set<Long> myGroups = me.seesAllTickets() ? Set.of() : users.groupIdsOf(me.id());
		if (!me.seesAllTickets()) {
			jpql.append(myGroups.isEmpty() ? " and b.ownerId = :me" : " and (b.ownerId = :me or b.groupId in :groups)");
		}
		jpql.append(" group by ").append(column);
		TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
		if (!me.seesAllTickets()) {
			query.setParameter("me", me.id());
			if (!myGroups.isEmpty()) {
				query.setParameter("groups", myGroups);
			}
		}
		return query.getResultList();
	}

}
