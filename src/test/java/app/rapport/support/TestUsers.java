package app.rapport.support;

import java.util.List;
import java.util.UUID;

import app.rapport.identity.ApiTokenService;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserSummary;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Creates users, groups and tokens for tests; every user gets a unique e-mail. */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct-horse-battery-9";

	private final UserAdministration administration;

	private final ApiTokenService tokens;

	private final UserDetailsService accounts;

	public TestUsers(UserAdministration administration, ApiTokenService tokens, UserDetailsService accounts) {
		this.administration = administration;
		this.tokens = tokens;
		this.accounts = accounts;
	}

	/** The user as a signed-in request sees them, for calling services that take the current user. */
	public CurrentUser current(UserSummary user) {
		return (CurrentUser) accounts.loadUserByUsername(user.email());
	}

	public UserSummary user(Role role) {
		return user(role, "en");
	}

	public UserSummary user(Role role, String language) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.rapport";
		return administration.createUser(email, role.name() + " " + email.substring(0, 12), role, language, "UTC",
				PASSWORD);
	}

	public UserSummary agentIn(GroupSummary group) {
		UserSummary agent = user(Role.AGENT);
		administration.setGroups(agent.id(), List.of(group.id()));
		return agent;
	}

	public GroupSummary group(AssignmentMode mode) {
		return administration.createGroup("Group " + UUID.randomUUID().toString().substring(0, 8), mode);
	}

	/** A token with the given scopes ("read", "write", "admin"). */
	public String token(UserSummary user, String... scopes) {
		return tokens.issue(user.id(), "test", List.of(scopes)).secret();
	}

}
