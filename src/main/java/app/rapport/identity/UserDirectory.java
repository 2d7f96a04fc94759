package app.rapport.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to users and groups for other modules (owners, assignment, visibility). */
@Service
@Transactional(readOnly = true)
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

	public List<GroupSummary> allGroups() {
		return groups.findAll(Sort.by("name")).stream().map(GroupSummary::of).toList();
	}

	public Map<Long, GroupSummary> groups(Collection<Long> ids) {
		return groups.findAllById(ids).stream().map(GroupSummary::of).collect(Collectors.toMap(GroupSummary::id, Function.identity()));
	}

}
