package app.rapport.identity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import app.rapport.shared.web.Languages;

/** What other modules know of a user: enough to name an owner and route work. */
@org.springframework.modulith.NamedInterface("api")
public record UserSummary(long id, String email, String displayName, Role role, String language, String timeZone,
		boolean active, Set<String> spokenLanguages, Set<Long> groupIds) {

	static UserSummary of(User u) {
		return new UserSummary(u.getId(), u.getEmail(), u.getDisplayName(), u.getRole(), u.getLanguage(),
				u.getTimeZone(), u.isActive(), inUsualOrder(u.getSpokenLanguages()), Set.copyOf(u.getGroupIds()));
	}

	/** English, Simplified and Traditional Chinese, Bulgarian: {@code Set.copyOf} would list them differently per run. */
	private static Set<String> inUsualOrder(Set<String> languages) {
		Set<String> ordered = new LinkedHashSet<>();
		Languages.TAGS.stream().filter(languages::contains).forEach(ordered::add);
		languages.stream().sorted().forEach(ordered::add);
		return Collections.unmodifiableSet(ordered);
	}

}
