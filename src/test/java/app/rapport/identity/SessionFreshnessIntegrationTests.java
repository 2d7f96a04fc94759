package app.rapport.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web session sees its user as they are now: deactivation, a new role, new groups and a new password
 * take effect on the very next request of every open session of that user.
 */
@RapportIntegrationTest
class SessionFreshnessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDirectory directory;

	GroupSummary group;

	Api admin;

	long ticketId;

	@BeforeEach
	void aTicketInAGroup() {
		group = users.group(AssignmentMode.MANUAL);
		admin = Api.at(port).withToken(users.token(users.user(Role.ADMIN), "read", "write", "admin"));
		Map<String, Object> ticket = new LinkedHashMap<>();
		ticket.put("subject", "Broken hinge");
		ticket.put("body", "The cabinet door hinge broke after a week.");
		ticket.put("requester", Map.of("email", "hinge-" + System.nanoTime() + "@example.com"));
		ticket.put("groupId", group.id());
		Api.Response opened = admin.post("/api/v1/tickets", ticket);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		ticketId = opened.json().get("id").asLong();
	}

	WebSession signedIn(UserSummary user) {
		WebSession session = WebSession.at(port);
		assertThat(session.signIn(user.email(), TestUsers.PASSWORD).location()).endsWith("/");
		return session;
	}

	long messages() {
		return admin.get("/api/v1/tickets/" + ticketId + "/messages").json().get("total").asLong();
	}

	static void assertSignedOut(WebSession.Page page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	void change(UserSummary user, Role role, boolean active, Set<Long> groupIds) {
		administration.updateUser(user.id(), new UserAdministration.UserChanges(user.displayName(), role, active,
				user.spokenLanguages(), groupIds), null, null);
	}

	@Test
	void aDeactivatedUsersOpenSessionCanNeitherReadNorWriteOnItsNextRequest() {
		UserSummary agent = users.agentIn(group);
		WebSession session = signedIn(agent);
		WebSession.Page page = session.get("/tickets/" + ticketId);
		assertThat(page.status()).isEqualTo(200);

		change(agent, Role.AGENT, false, Set.of(group.id()));

		WebSession.Page note = session.post("/tickets/" + ticketId + "/messages",
				Map.of("kind", "INTERNAL_NOTE", "body", "Written after deactivation"));
		assertThat(note.status()).as(note.toString()).isIn(302, 403);
		if (note.status() == 302) {
			assertThat(note.location()).endsWith("/login");
		}
		assertThat(messages()).isEqualTo(1);
		assertSignedOut(session.get("/tickets/" + ticketId));
		assertSignedOut(session.get("/tickets"));
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(Role.class)
	void deactivationEndsTheOpenSessionOfEveryRole(Role role) {
		UserSummary user = role == Role.AGENT ? users.agentIn(group) : users.user(role);
		WebSession session = signedIn(user);
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(200);
		if (role == Role.ADMIN) {
			// The last active admin cannot be deactivated; this one is not the last.
			users.user(Role.ADMIN);
		}

		change(user, role, false, user.groupIds());

		assertSignedOut(session.get("/tickets/" + ticketId));
		assertSignedOut(session.get("/profile"));
	}

	@Test
	void aDemotedAdminsTokenLosesTheAdminScopeAtOnce() {
		UserSummary admin = users.user(Role.ADMIN);
		Api token = Api.at(port).withToken(users.token(admin, "read", "admin"));
		assertThat(token.post("/api/v1/groups", Map.of("name", "Ops " + System.nanoTime())).status()).isEqualTo(201);

		change(admin, Role.SUPERVISOR, true, Set.of());

		assertThat(token.post("/api/v1/groups", Map.of("name", "Ops " + System.nanoTime())).status()).isEqualTo(403);
		assertThat(token.get("/api/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void anAdminDemotedToAgentLosesAdministrationAndOtherGroupsTicketsAtOnce() {
		UserSummary admin = users.user(Role.ADMIN);
		WebSession session = signedIn(admin);
		assertThat(session.get("/admin/users").status()).isEqualTo(200);
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(200);

		change(admin, Role.AGENT, true, Set.of());

		assertThat(session.get("/admin/users").status()).isEqualTo(403);
		assertThat(session.get("/admin").status()).isEqualTo(403);
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(404);
		// Still signed in, as an agent now.
		assertThat(session.get("/profile").body()).contains("/profile/password");
	}

	@Test
	void aPromotionAndAGroupChangeApplyToTheOpenSessionWithoutSigningInAgain() {
		UserSummary agent = users.user(Role.AGENT);
		WebSession session = signedIn(agent);
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(404);

		administration.setGroups(agent.id(), List.of(group.id()));
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(200);

		administration.setGroups(agent.id(), List.of());
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(404);

		change(directory.user(agent.id()).orElseThrow(), Role.SUPERVISOR, true, Set.of());
		assertThat(session.get("/tickets/" + ticketId).status()).isEqualTo(200);
	}

	@Test
	void anAdminsPasswordResetEndsEverySessionOfTheUser() {
		UserSummary agent = users.agentIn(group);
		WebSession laptop = signedIn(agent);
		WebSession phone = signedIn(agent);

		administration.resetPassword(agent.id(), null);

		assertSignedOut(laptop.get("/tickets"));
		assertSignedOut(phone.get("/tickets/" + ticketId));
	}

	@Test
	void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
		UserSummary agent = users.agentIn(group);
		WebSession laptop = signedIn(agent);
		WebSession phone = signedIn(agent);
		laptop.get("/profile");

		WebSession.Page changed = laptop.post("/profile/password", Map.of("currentPassword", TestUsers.PASSWORD,
				"newPassword", "a-new-long-passphrase-7", "confirmation", "a-new-long-passphrase-7"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/profile");

		assertThat(laptop.get("/tickets/" + ticketId).status()).isEqualTo(200);
		assertSignedOut(phone.get("/tickets"));
		assertThat(WebSession.at(port).signIn(agent.email(), TestUsers.PASSWORD).location()).contains("error");
		assertThat(WebSession.at(port).signIn(agent.email(), "a-new-long-passphrase-7").location()).endsWith("/");
	}

	@Test
	void aWrongCurrentPasswordOrAWeakOrMismatchedNewOneChangesNothing() {
		UserSummary agent = users.agentIn(group);
		WebSession laptop = signedIn(agent);
		laptop.get("/profile");
		WebSession.Page wrong = laptop.post("/profile/password", Map.of("currentPassword", "not-my-password-at-all",
				"newPassword", "a-new-long-passphrase-7", "confirmation", "a-new-long-passphrase-7"));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("This is not your current password.");
		WebSession.Page weak = laptop.post("/profile/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short", "confirmation", "short"));
		assertThat(weak.body()).contains("at least 12 characters");
		WebSession.Page mismatch = laptop.post("/profile/password", Map.of("currentPassword", TestUsers.PASSWORD,
				"newPassword", "a-new-long-passphrase-7", "confirmation", "a-new-long-passphrase-8"));
		assertThat(mismatch.body()).contains("The two new passwords differ.");
		assertThat(WebSession.at(port).signIn(agent.email(), TestUsers.PASSWORD).location()).endsWith("/");
	}

}
