package app.rapport.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.audit.AuditRecord;
import app.rapport.audit.AuditTrail;
import app.rapport.support.Api;
import app.rapport.support.WebSession;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages for users, groups and tokens, and who may not use them, over real HTTP. */
@RapportIntegrationTest
class AdminPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	WebSession signedIn(UserSummary user) {
		WebSession browser = WebSession.at(port);
		assertThat(browser.signIn(user.email(), TestUsers.PASSWORD).location()).endsWith("/");
		return browser;
	}

	static String uniqueEmail() {
		return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@test.rapport";
	}

	List<AuditRecord> history(String type, long id) {
		return audit.history(type, id, PageRequest.of(0, 100)).getContent();
	}

	@Test
	void refusesAnAgentTheAdminPagesWithALocalizedPage() {
		UserSummary agent = testUsers.user(Role.AGENT, "bg");
		WebSession browser = signedIn(agent);

		WebSession.Page page = browser.get("/admin/users");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Нямате право да направите това.", "Изход")
			.doesNotContain("Whitelabel", "Exception", "at app.rapport");
		assertThat(browser.get("/admin").status()).isEqualTo(403);
		assertThat(browser.get("/admin/tokens").status()).isEqualTo(403);
	}

	@Test
	void refusesAnAgentCreatingAUser() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(agent);
		String email = uniqueEmail();

		WebSession.Page refused = browser.post("/admin/users", Map.of("email", email, "displayName", "Sneaky", "role",
				"ADMIN", "language", "en", "timeZone", "UTC", "password", "a-strong-password-1"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(directory.userByEmail(email)).isEmpty();
	}

	@Test
	void showsTheLocalizedNotFoundPageForAMissingUser() {
		WebSession browser = signedIn(testUsers.user(Role.ADMIN, "zh-CN"));

		WebSession.Page page = browser.get("/admin/users/987654321");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("此页面不存在，或您无权查看。").doesNotContain("Whitelabel");
	}

	@Test
	void linksTheAdministrationPages() {
		WebSession.Page index = signedIn(testUsers.user(Role.ADMIN)).get("/admin");

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("href=\"/admin/users\"", "href=\"/admin/groups\"", "href=\"/admin/tokens\"",
				"href=\"/admin/customer-attributes\"", "href=\"/admin/ticket-fields\"");
	}

	@Test
	void createsAUserWithAGeneratedPasswordShownOnlyOnce() {
		UserSummary admin = testUsers.user(Role.ADMIN);
		GroupSummary group = testUsers.group(AssignmentMode.MANUAL);
		WebSession browser = signedIn(admin);
		assertThat(browser.get("/admin/users/new").status()).isEqualTo(200);
		String email = uniqueEmail();

		Map<String, Object> form = new LinkedHashMap<>();
		form.put("email", email);
		form.put("displayName", "王小明");
		form.put("role", "AGENT");
		form.put("language", "zh-CN");
		form.put("timeZone", "Asia/Shanghai");
		form.put("spokenLanguages", List.of("zh-CN", "en"));
		form.put("groupIds", List.of(group.id()));
		form.put("password", "");
		WebSession.Page created = browser.post("/admin/users", form);

		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		UserSummary user = directory.userByEmail(email).orElseThrow();
		assertThat(created.location()).endsWith("/admin/users/" + user.id());
		assertThat(user.role()).isEqualTo(Role.AGENT);
		assertThat(user.spokenLanguages()).containsExactlyInAnyOrder("zh-CN", "en");
		assertThat(user.groupIds()).containsExactly(group.id());

		WebSession.Page first = browser.get("/admin/users/" + user.id());
		String password = first.find("id=\"generatedPassword\">([^<]+)<");
		assertThat(Passwords.weakness(password)).isNull();
		assertThat(browser.get("/admin/users/" + user.id()).body()).doesNotContain(password);
		assertThat(WebSession.at(port).signIn(email, password).location()).endsWith("/");

		assertThat(history(UserAdministration.AUDIT_USER, user.id()))
			.anySatisfy(e -> assertThat(e.field() + "=" + e.newValue() + " by " + e.actorUserId())
				.isEqualTo("role=AGENT by " + admin.id()))
			.noneSatisfy(e -> assertThat(e.newValue()).isEqualTo(password));
		assertThat(users().stream().filter(u -> u.email().equals(email))).hasSize(1);
	}

	@Test
	void refusesAWeakPasswordAndABadEmailWithMessagesInTheAdminsLanguage() {
		WebSession browser = signedIn(testUsers.user(Role.ADMIN, "bg"));
		browser.get("/admin/users/new");
		String email = uniqueEmail();

		WebSession.Page weak = browser.post("/admin/users", Map.of("email", email, "displayName", "Иван Петров", "role",
				"AGENT", "language", "bg", "timeZone", "Europe/Sofia", "password", "short1"));

		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("Паролата трябва да е поне 12 знака.", "Моля, поправете отбелязаните полета.")
			.contains("value=\"Иван Петров\"");
		assertThat(directory.userByEmail(email)).isEmpty();

		WebSession.Page badEmail = browser.post("/admin/users", Map.of("email", "not-an-email", "displayName", "",
				"role", "AGENT", "language", "bg", "timeZone", "Mars/Base", "password", ""));
		assertThat(badEmail.status()).isEqualTo(200);
		assertThat(badEmail.body()).contains("Въведете валиден имейл адрес.", "Въведете име с дължина от 1 до 200 знака.",
				"Изберете валидна часова зона.");
	}

	@Test
	void refusesAnEmailThatIsAlreadyInUse() {
		UserSummary existing = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));
		browser.get("/admin/users/new");

		WebSession.Page taken = browser.post("/admin/users", Map.of("email", existing.email().toUpperCase(), "displayName",
				"Twin", "role", "AGENT", "language", "en", "timeZone", "UTC", "password", ""));

		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body()).contains("A user with this e-mail address already exists.");
	}

	@Test
	void changesRoleStateGroupsAndLanguagesAndRecordsEachChange() {
		UserSummary admin = testUsers.user(Role.ADMIN);
		UserSummary agent = testUsers.user(Role.AGENT);
		GroupSummary group = testUsers.group(AssignmentMode.ROUND_ROBIN);
		WebSession browser = signedIn(admin);
		String version = browser.get("/admin/users/" + agent.id()).find("name=\"version\" value=\"(\\d+)\"");

		Map<String, Object> form = new LinkedHashMap<>();
		form.put("version", version);
		form.put("displayName", "Renamed Agent");
		form.put("role", "SUPERVISOR");
		form.put("spokenLanguages", List.of("bg", "en"));
		form.put("groupIds", List.of(group.id()));
		form.put("_active", "on");
		WebSession.Page saved = browser.post("/admin/users/" + agent.id(), form);

		assertThat(saved.location()).endsWith("/admin/users/" + agent.id());
		UserSummary changed = directory.user(agent.id()).orElseThrow();
		assertThat(changed.role()).isEqualTo(Role.SUPERVISOR);
		assertThat(changed.active()).isFalse();
		assertThat(changed.displayName()).isEqualTo("Renamed Agent");
		assertThat(changed.groupIds()).containsExactly(group.id());
		assertThat(changed.spokenLanguages()).containsExactlyInAnyOrder("bg", "en");
		assertThat(history(UserAdministration.AUDIT_USER, agent.id()))
			.extracting(e -> e.field() + ": " + e.oldValue() + " -> " + e.newValue() + " by " + e.actorUserId())
			.contains("role: AGENT -> SUPERVISOR by " + admin.id(), "active: true -> false by " + admin.id(),
					"groups: null -> " + group.name() + " by " + admin.id());
		// The history reads in the admin's language: roles, states and languages, never the stored codes.
		String history = browser.get("/admin/users/" + agent.id()).body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(history).contains("Change history", "Role Agent → Supervisor", "Status Active → Deactivated",
				admin.displayName()).doesNotContain("AGENT → SUPERVISOR", "spokenLanguages", "true → false", "bg, en");
		assertThat(history).containsPattern("Languages spoken with customers [^→]+ → (Български, English|English, Български)");
		// A deactivated user can no longer sign in.
		assertThat(WebSession.at(port).signIn(agent.email(), TestUsers.PASSWORD).location()).contains("/login?");
	}

	@Test
	void refusesAStaleEditAndShowsTheCurrentValues() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));
		String version = browser.get("/admin/users/" + agent.id()).find("name=\"version\" value=\"(\\d+)\"");
		Map<String, Object> form = new LinkedHashMap<>(Map.of("version", version, "displayName", "First",
				"role", "AGENT", "active", "true"));
		assertThat(browser.post("/admin/users/" + agent.id(), form).status()).isEqualTo(302);

		form.put("displayName", "Second");
		WebSession.Page stale = browser.post("/admin/users/" + agent.id(), form);

		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("Someone else changed this in the meantime.");
		assertThat(directory.user(agent.id()).orElseThrow().displayName()).isEqualTo("First");
	}

	@Test
	void resetsAPasswordShowsItOnceAndLiftsTheLock() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));
		browser.get("/admin/users/" + agent.id());

		WebSession.Page reset = browser.post("/admin/users/" + agent.id() + "/password", Map.of());

		assertThat(reset.location()).endsWith("/admin/users/" + agent.id());
		String password = browser.get("/admin/users/" + agent.id()).find("id=\"generatedPassword\">([^<]+)<");
		assertThat(WebSession.at(port).signIn(agent.email(), TestUsers.PASSWORD).location()).endsWith("/login?error");
		assertThat(WebSession.at(port).signIn(agent.email(), password).location()).endsWith("/");
		assertThat(history(UserAdministration.AUDIT_USER, agent.id()))
			.anySatisfy(e -> assertThat(e.field() + "=" + e.newValue()).isEqualTo("password=reset"));
	}

	@Test
	void createsAGroupWithMembersThenChangesModeAndMembers() {
		UserSummary admin = testUsers.user(Role.ADMIN);
		UserSummary mei = testUsers.user(Role.AGENT);
		UserSummary ivan = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(admin);
		browser.get("/admin/groups/new");
		String name = "客服一组 " + UUID.randomUUID().toString().substring(0, 6);

		WebSession.Page created = browser.post("/admin/groups", Map.of("name", name, "assignmentMode", "ROUND_ROBIN",
				"addMembers", mei.email() + ",\n" + ivan.email().toUpperCase()));

		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		GroupSummary group = directory.groupByName(name).orElseThrow();
		assertThat(created.location()).endsWith("/admin/groups/" + group.id());
		assertThat(group.assignmentMode()).isEqualTo(AssignmentMode.ROUND_ROBIN);
		assertThat(directory.members(group.id())).extracting(UserSummary::id).containsExactlyInAnyOrder(mei.id(), ivan.id());

		WebSession.Page edit = browser.get("/admin/groups/" + group.id());
		assertThat(edit.body()).contains(mei.email(), ivan.email());
		String version = edit.find("name=\"version\" value=\"(\\d+)\"");
		WebSession.Page saved = browser.post("/admin/groups/" + group.id(), Map.of("version", version, "name", name,
				"assignmentMode", "LEAST_OPEN", "memberIds", List.of(mei.id())));

		assertThat(saved.location()).endsWith("/admin/groups/" + group.id());
		assertThat(directory.group(group.id()).orElseThrow().assignmentMode()).isEqualTo(AssignmentMode.LEAST_OPEN);
		assertThat(directory.members(group.id())).extracting(UserSummary::id).containsExactly(mei.id());
		assertThat(history(UserAdministration.AUDIT_GROUP, group.id()))
			.extracting(e -> e.field() + ": " + e.oldValue() + " -> " + e.newValue())
			.contains("assignmentMode: ROUND_ROBIN -> LEAST_OPEN", "member: " + ivan.email() + " -> null",
					"member: null -> " + mei.email());
		// The list is by name and paged; other tests' groups come first.
		assertThat(java.util.stream.IntStream.range(0, 50)
			.mapToObj(p -> browser.get("/admin/groups?page=" + p).body())
			.anyMatch(body -> body.contains(name))).isTrue();
	}

	@Test
	void refusesADuplicateGroupNameAndUnknownMembers() {
		GroupSummary existing = testUsers.group(AssignmentMode.MANUAL);
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));
		browser.get("/admin/groups/new");

		WebSession.Page duplicate = browser.post("/admin/groups", Map.of("name", existing.name().toLowerCase(),
				"assignmentMode", "MANUAL", "addMembers", ""));
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("A group with this name already exists.");

		String name = "Group " + UUID.randomUUID();
		WebSession.Page unknown = browser.post("/admin/groups", Map.of("name", name, "assignmentMode", "MANUAL",
				"addMembers", "nobody-here@test.rapport"));
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).contains("No user has these e-mail addresses: nobody-here@test.rapport");
		assertThat(directory.groupByName(name)).isEmpty();
	}

	@Test
	void listsEveryonesTokensAndRevokesOne() {
		UserSummary agent = testUsers.user(Role.AGENT);
		String token = testUsers.token(agent, "read");
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));

		WebSession.Page list = browser.get("/admin/tokens");
		assertThat(list.body()).contains(token.substring(0, 10), agent.displayName());
		long id = Api.at(port).withToken(token).get("/api/v1/tokens").json().get("items").get(0).get("id").asLong();

		WebSession.Page revoked = browser.post("/admin/tokens/" + id + "/revoke", Map.of());

		assertThat(revoked.location()).contains("/admin/tokens");
		assertThat(Api.at(port).withToken(token).get("/api/v1/groups").status()).isEqualTo(401);
	}

	@Test
	void listsAndFindsUsers() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(testUsers.user(Role.ADMIN));

		WebSession.Page found = browser.get("/admin/users?q=" + agent.email().substring(0, 14));

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains(agent.email());
		assertThat(browser.get("/admin/users?page=-1").status()).isEqualTo(400);
	}

	List<UserSummary> users() {
		return directory.allUsers();
	}

}
