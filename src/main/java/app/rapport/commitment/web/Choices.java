package app.rapport.commitment.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.shared.web.Languages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The groups and owners a user may filter the commitment pages by, and small parsing helpers. */
@Component
class Choices {

	private final UserDirectory users;

	Choices(UserDirectory users) {
		this.users = users;
	}

	/** Every group for those who see all tickets; an agent's own groups otherwise. */
	List<GroupSummary> groups(CurrentUser me) {
		Set<Long> mine = me.seesAllTickets() ? null : users.groupIdsOf(me.id());
		return users.allGroups()
			.stream()
			.filter(g -> mine == null || mine.contains(g.id()))
			.sorted(Comparator.comparing(GroupSummary::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Active people who can own tickets; for an agent, those sharing a group with them. */
	List<UserSummary> owners(CurrentUser me) {
		Set<Long> mine = me.seesAllTickets() ? null : users.groupIdsOf(me.id());
		return users.allUsers()
			.stream()
			.filter(UserSummary::active)
			.filter(u -> u.role() != Role.ANALYST)
			.filter(u -> mine == null || u.id() == me.id() || u.groupIds().stream().anyMatch(mine::contains))
			.sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The groups the user is a member of. */
	Set<Long> myGroupIds(CurrentUser me) {
		return users.groupIdsOf(me.id());
	}

	/** The language of the current request as one of the four tags. */
	static String language() {
		return Languages.closest(LocaleContextHolder.getLocale());
	}

	/** A number typed in a query string; anything else counts as "not given". */
	static Long parseLong(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
