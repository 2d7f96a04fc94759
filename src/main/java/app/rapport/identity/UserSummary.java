package app.rapport.identity;

import java.util.Set;

/** What other modules know of a user: enough to name an owner and route work. */
@org.springframework.modulith.NamedInterface("api")
public record UserSummary(long id, String email, String displayName, Role role, String language, String timeZone,
		boolean active, Set<String> spokenLanguages, Set<Long> groupIds) {

	static UserSummary of(User u) {
		return new UserSummary(u.getId(), u.getEmail(), u.getDisplayName(), u.getRole(), u.getLanguage(),
				u.getTimeZone(), u.isActive(), Set.copyOf(u.getSpokenLanguages()), Set.copyOf(u.getGroupIds()));
	}

}
