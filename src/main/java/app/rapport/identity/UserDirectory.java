package app.rapport.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to users and groups for other modules (owners, assignment, visibility). */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class UserDirectory {

	private final UserRepository users;

	private final AgentGroupRepository groups;

	UserDirectory(UserRepository users, AgentGroupRepository groups) {
		this.users = users;
		this.groups = groups;
	}

	public Optional<UserSummary> user(long id) {
		return users.findById(id).map(UserSummary::of);
	}

	public Optional<UserSummary> userByEmail(String email) {
		return users.findByEmailIgnoreCase(email.trim()).map(UserSummary::of);
	}

	/** Users by id, for naming owners on a list page in one query. */
	public Map<Long, UserSummary> users(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return users.findByIdIn(ids).stream().map(UserSummary::of).collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	public List<UserSummary> allUsers() {
		return users.findAll(Sort.by("displayName")).stream().map(UserSummary::of).toList();
	}

	/** One page of users whose e-mail or name contains {@code query} (all users when it is blank). */
	public Page<UserSummary> users(String query, Pageable pageable) {
		Page<User> page = query == null || query.isBlank() ? users.findAll(pageable)
				: users.findByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(query.trim(), query.trim(),
						pageable);
		return page.map(UserSummary::of);
	}

	/** A user with the version an edit form must send back. */
	public Optional<Versioned<UserSummary>> userForEdit(long id) {
		return users.findById(id).map(u -> new Versioned<>(UserSummary.of(u), u.getVersion()));
	}

	/** Every member of a group, active or not, ordered by name. */
	public List<UserSummary> members(long groupId) {
		return users.findMembers(groupId).stream().map(UserSummary::of).toList();
	}

	/** Active members of a group, ordered by id (the round-robin order). */
	public List<UserSummary> activeMembers(long groupId) {
		return users.findActiveMembers(groupId).stream().map(UserSummary::of).toList();
	}

	public Set<Long> groupIdsOf(long userId) {
		return users.findById(userId).map(u -> Set.copyOf(u.getGroupIds())).orElse(Set.of());
	}

	public Optional<GroupSummary> group(long id) {
		return groups.findById(id).map(GroupSummary::of);
	}

	public Optional<GroupSummary> groupByName(String name) {
		return groups.findByNameIgnoreCase(name).map(GroupSummary::of);
	}

	/** The group marked as where requests naming no group land, if any is marked. */
	public Optional<GroupSummary> defaultGroup() {
		return groups.findFirstByDefaultGroupTrueOrderByIdAsc().map(GroupSummary::of);
	}

	public List<GroupSummary> allGroups() {
		return groups.findAll(Sort.by("name")).stream().map(GroupSummary::of).toList();
	}

	public Page<GroupSummary> groups(Pageable pageable) {
		return groups.findAll(pageable).map(GroupSummary::of);
	}

	/** A group with the version an edit form must send back. */
	public Optional<Versioned<GroupSummary>> groupForEdit(long id) {
		return groups.findById(id).map(g -> new Versioned<>(GroupSummary.of(g), g.getVersion()));
	}

	/** How many users (active or not) belong to each of the groups, in one query; absent means none. */
	public Map<Long, Long> memberCounts(Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return Map.of();
		}
		return users.countMembers(groupIds)
			.stream()
			.collect(Collectors.toMap(row -> ((Number) row[0]).longValue(), row -> ((Number) row[1]).longValue()));
	}

	public Map<Long, GroupSummary> groups(Collection<Long> ids) {
		return groups.findAllById(ids).stream().map(GroupSummary::of).collect(Collectors.toMap(GroupSummary::id, Function.identity()));
	}

}
