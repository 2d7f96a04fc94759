package app.rapport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.notification.MailMessage;
import app.rapport.notification.NotificationTestSetup;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.WebSession;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production installation (no demo data) on an empty database of its own: it takes a ticket from the very
 * first request, and an integrator provisions groups and users over the API alone.
 */
@RapportIntegrationTest
@Import(NotificationTestSetup.class)
// A context (and database) of its own, so that "the first request" really is the first.
@TestPropertySource(properties = "rapport.test.context=fresh-installation")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Nothing else shares this context: close it after the class rather than keep its connections open.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class FreshInstallationIntegrationTests {

	static final String ADMIN_EMAIL = "admin@test.rapport";

	static final String ADMIN_PASSWORD = "admin-test-password-1";

	@LocalServerPort
	int port;

	@Autowired
	NotificationTestSetup.RecordingMail mail;

	@Autowired
	app.rapport.support.Reactions reactions;

	/** One token for the whole class: each password check costs a deliberately slow bcrypt round. */
	static String adminToken;

	Api admin;

	@BeforeEach
	void anAdminTokenFromThePassword() {
		if (adminToken == null) {
			Api.Response token = Api.at(port).withBasic(ADMIN_EMAIL, ADMIN_PASSWORD)
				.post("/api/v1/tokens", Map.of("name", "provisioning", "scopes", List.of("read", "write", "admin")));
			assertThat(token.status()).as(token.body()).isEqualTo(201);
			adminToken = token.json().get("token").asString();
		}
		admin = Api.at(port).withToken(adminToken);
	}

	static void assertProblem(Api.Response r, int status, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
		}
	}

	long total(String path) {
		return admin.get(path).json().get("total").asLong();
	}

	long groupNamed(String name) {
		return admin.get("/api/v1/groups?size=200").json().get("items").values().stream()
			.filter(g -> g.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asLong();
	}

	@Test
	@Order(1)
	void startsWithOneDefaultGroupAndTakesATicketThatNamesNoGroup() {
		JsonNode groups = admin.get("/api/v1/groups").json();
		assertThat(groups.get("total").asLong()).isEqualTo(1);
		JsonNode general = groups.get("items").get(0);
		assertThat(general.get("name").asString()).isEqualTo("General");
		assertThat(general.get("defaultGroup").asBoolean()).isTrue();
		assertThat(general.get("assignmentMode").asString()).isEqualTo("round_robin");

		Api.Response ticket = admin.post("/api/v1/tickets", Map.of("subject", "First request", "body",
				"Our first customer writes in.", "requester", Map.of("email", "first@example.com")));

		assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
		assertThat(ticket.json().get("group").get("id").asLong()).isEqualTo(general.get("id").asLong());
	}

	@Test
	@Order(2)
	void provisionsGroupsAndUsersOverTheApiAndNeverAnswersAPassword() {
		Api.Response group = admin.post("/api/v1/groups", Map.of("name", "Billing", "assignmentMode", "least_open"));
		assertThat(group.status()).as(group.body()).isEqualTo(201);
		long billing = group.json().get("id").asLong();
		assertThat(group.header("Location")).endsWith("/api/v1/groups/" + billing);
		assertThat(group.json().get("assignmentMode").asString()).isEqualTo("least_open");
		assertThat(group.json().get("defaultGroup").asBoolean()).isFalse();

		Map<String, Object> agent = new HashMap<>(Map.of("displayName", "Petya Ivanova", "email",
				"Petya@Example.com", "role", "agent", "groupIds", List.of(billing), "language", "bg", "password",
				"a-strong-passphrase-42"));
		Api.Response created = admin.post("/api/v1/users", agent);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long petya = created.json().get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/v1/users/" + petya);
		assertThat(created.body()).doesNotContain("password").doesNotContain("passphrase");
		assertThat(created.json().get("email").asString()).isEqualTo("petya@example.com");
		assertThat(created.json().get("role").asString()).isEqualTo("agent");
		assertThat(created.json().get("language").asString()).isEqualTo("bg");
		assertThat(created.json().get("groupIds").values()).extracting(JsonNode::asLong).containsExactly(billing);

		// The provisioned password signs in at once.
		Api.Response token = Api.at(port).withBasic("petya@example.com", "a-strong-passphrase-42")
			.post("/api/v1/tokens", Map.of("name", "petya", "scopes", List.of("read", "write")));
		assertThat(token.status()).as(token.body()).isEqualTo(201);

		JsonNode users = admin.get("/api/v1/users?q=petya").json();
		assertThat(users.get("total").asLong()).isEqualTo(1);
		assertThat(users.get("page").asInt()).isZero();
		assertThat(users.get("size").asInt()).isPositive();
		assertThat(admin.get("/api/v1/users").body()).doesNotContain("\"password");
		JsonNode billingGroup = admin.get("/api/v1/groups/" + billing).json();
		assertThat(billingGroup.get("memberIds").values()).extracting(JsonNode::asLong).containsExactly(petya);
	}

	@Test
	@Order(3)
	void refusesBadProvisioningWithTheFieldNamedAndCreatesNothing() {
		long usersBefore = total("/api/v1/users");
		long groupsBefore = total("/api/v1/groups");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "No Mail", "role", "agent")), 400, "email");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "X", "email", "x1@example.com", "role",
				"manager")), 400, "role");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "X", "email", "x2@example.com", "role",
				"agent", "groupIds", List.of(987654321))), 400, "groupIds");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "X", "email", "x3@example.com", "role",
				"agent", "password", "short")), 400, "password");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "X", "email", "x4@example.com", "role",
				"agent", "language", "fr")), 400, "language");
		assertProblem(admin.post("/api/v1/users", Map.of("displayName", "Admin Again", "email", ADMIN_EMAIL,
				"role", "agent")), 409, null);
		assertProblem(admin.post("/api/v1/users", "{\"email\": "), 400, null);
		assertProblem(admin.post("/api/v1/groups", Map.of("assignmentMode", "manual")), 400, "name");
		assertProblem(admin.post("/api/v1/groups", Map.of("name", "Odd", "assignmentMode", "random")), 400,
				"assignmentMode");
		assertProblem(admin.post("/api/v1/groups", Map.of("name", "Odd", "memberIds", List.of(987654321))), 400,
				"memberIds");
		assertProblem(admin.post("/api/v1/groups", Map.of("name", "general")), 400, "name");
		assertThat(total("/api/v1/users")).isEqualTo(usersBefore);
		assertThat(total("/api/v1/groups")).isEqualTo(groupsBefore);
		assertThat(mail.to("x1@example.com")).isEmpty();
	}

	@Test
	@Order(4)
	void onlyAnAdminScopeProvisions() {
		Api.Response readOnly = Api.at(port).withBasic(ADMIN_EMAIL, ADMIN_PASSWORD)
			.post("/api/v1/tokens", Map.of("name", "read", "scopes", List.of("read", "write")));
		Api adminWithoutAdminScope = Api.at(port).withToken(readOnly.json().get("token").asString());
		Map<String, Object> user = Map.of("displayName", "Sneaky", "email", "sneaky@example.com", "role", "admin");
		assertProblem(adminWithoutAdminScope.post("/api/v1/users", user), 403, null);
		assertProblem(adminWithoutAdminScope.post("/api/v1/groups", Map.of("name", "Sneaky")), 403, null);
		long general = groupNamed("General");
		assertProblem(adminWithoutAdminScope.patch("/api/v1/groups/" + general, Map.of("name", "Mine"), Map.of()), 403,
				null);
		assertThat(Api.at(port).post("/api/v1/users", user).status()).isEqualTo(401);
		assertThat(adminWithoutAdminScope.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/users?q=sneaky").json().get("total").asLong()).isZero();
	}

	@Test
	@Order(5)
	void aUserCreatedWithoutAPasswordGetsAOneTimeLinkByMail() {
		Api.Response created = admin.post("/api/v1/users", Map.of("displayName", "陳美玲", "email",
				"meiling@example.com", "role", "supervisor", "language", "zh-TW"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		reactions.settle();

		List<MailMessage> sent = mail.to("meiling@example.com");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).subject()).isEqualTo("您的 Rapport 帳戶：請設定密碼");
		Matcher link = Pattern.compile("http://localhost:8080(/password/set\\?token=rpl_[A-Za-z0-9_-]+)")
			.matcher(sent.get(0).textBody());
		assertThat(link.find()).as(sent.get(0).textBody()).isTrue();
		String path = link.group(1);
		// Cannot sign in before choosing a password.
		assertThat(WebSession.at(port).signIn("meiling@example.com", "").location()).contains("error");

		WebSession browser = WebSession.at(port);
		WebSession.Page form = browser.get(path);
		assertThat(form.status()).isEqualTo(200);
		WebSession.Page mismatch = browser.post("/password/set", Map.of("token", path.substring(path.indexOf('=') + 1),
				"newPassword", "my-own-passphrase-1", "confirmation", "my-own-passphrase-2"));
		assertThat(mismatch.status()).isEqualTo(400);
		WebSession.Page done = browser.post("/password/set", Map.of("token", path.substring(path.indexOf('=') + 1),
				"newPassword", "my-own-passphrase-1", "confirmation", "my-own-passphrase-1"));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("meiling@example.com");

		assertThat(WebSession.at(port).signIn("meiling@example.com", "my-own-passphrase-1").location()).endsWith("/");
		WebSession again = WebSession.at(port);
		assertThat(again.get(path).status()).isEqualTo(404);
		assertThat(again.get("/password/set?token=rpl_guessed").status()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void patchesRoleGroupsAndActiveStateWithEffectOnTheNextRequest() {
		Api.Response created = admin.post("/api/v1/users", Map.of("displayName", "Li Wei", "email", "liwei@example.com",
				"role", "agent", "password", "li-wei-passphrase-9"));
		long liwei = created.json().get("id").asLong();
		Api.Response token = Api.at(port).withBasic("liwei@example.com", "li-wei-passphrase-9")
			.post("/api/v1/tokens", Map.of("name", "li", "scopes", List.of("read", "write")));
		Api li = Api.at(port).withToken(token.json().get("token").asString());
		long billing = groupNamed("Billing");

		Api.Response promoted = admin.patch("/api/v1/users/" + liwei,
				Map.of("role", "supervisor", "groupIds", List.of(billing), "timeZone", "Asia/Shanghai"), Map.of());
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		assertThat(promoted.json().get("role").asString()).isEqualTo("supervisor");
		assertThat(promoted.json().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(promoted.json().get("displayName").asString()).isEqualTo("Li Wei");
		assertThat(promoted.header("ETag")).isNotBlank();

		assertProblem(admin.patch("/api/v1/users/" + liwei, Map.of("role", "boss"), Map.of()), 400, "role");
		assertProblem(admin.patch("/api/v1/users/" + liwei, Map.of("groupIds", List.of(987654321)), Map.of()), 400,
				"groupIds");
		assertProblem(admin.patch("/api/v1/users/" + liwei, Map.of("active", false),
				Map.of("If-Match", "\"0\"")), 409, null);
		assertProblem(admin.patch("/api/v1/users/987654321", Map.of("active", false), Map.of()), 404, null);
		assertThat(li.get("/api/v1/groups").status()).isEqualTo(200);

		Api.Response deactivated = admin.patch("/api/v1/users/" + liwei, Map.of("active", false),
				Map.of("If-Match", promoted.header("ETag")));
		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(li.get("/api/v1/groups").status()).isEqualTo(401);
	}

	@Test
	@Order(7)
	void movesTheDefaultGroupSoThatRequestsNamingNoGroupFollow() {
		long billing = groupNamed("Billing");
		long general = groupNamed("General");
		assertProblem(admin.patch("/api/v1/groups/" + general, Map.of("defaultGroup", false), Map.of()), 400,
				"defaultGroup");

		Api.Response moved = admin.patch("/api/v1/groups/" + billing, Map.of("defaultGroup", true), Map.of());
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("defaultGroup").asBoolean()).isTrue();
		assertThat(admin.get("/api/v1/groups/" + general).json().get("defaultGroup").asBoolean()).isFalse();

		Api.Response ticket = admin.post("/api/v1/tickets", Map.of("subject", "Invoice", "body", "Where is my invoice?",
				"requester", Map.of("email", "invoice@example.com")));
		assertThat(ticket.json().get("group").get("id").asLong()).isEqualTo(billing);

		Api.Response renamed = admin.patch("/api/v1/groups/" + general,
				Map.of("name", "Front desk", "assignmentMode", "manual"), Map.of());
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("Front desk");
		assertThat(renamed.json().get("assignmentMode").asString()).isEqualTo("manual");
	}

	@Test
	@Order(8)
	void anAdminInvitesAUserFromTheFormAndSendsANewLinkLater() {
		WebSession browser = WebSession.at(port);
		assertThat(browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).location()).endsWith("/");
		browser.get("/admin/users/new");
		WebSession.Page created = browser.post("/admin/users", Map.of("email", "georgi@example.com", "displayName",
				"Георги Петров", "role", "AGENT", "language", "bg", "timeZone", "Europe/Sofia", "password", "",
				"invite", "true"));
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		String userPage = created.location().replaceFirst("^https?://[^/]+", "");
		WebSession.Page page = browser.get(userPage);
		assertThat(page.body()).contains("georgi@example.com");
		reactions.settle();
		List<MailMessage> sent = mail.to("georgi@example.com");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).subject()).isEqualTo("Вашият акаунт в Rapport: изберете парола");
		assertThat(page.body()).doesNotContain("id=\"generatedPassword\"");

		String firstLink = sent.get(0).textBody().replaceAll("(?s).*(/password/set\\?token=rpl_[A-Za-z0-9_-]+).*", "$1");
		WebSession.Page resent = browser.post(userPage + "/password-link",
				Map.of());
		assertThat(resent.status()).isEqualTo(302);
		reactions.settle();
		assertThat(mail.to("georgi@example.com")).hasSize(2);
		// The newer link replaces the older one.
		assertThat(WebSession.at(port).get(firstLink).status()).isEqualTo(404);

		WebSession.Page taken = browser.post("/admin/users", Map.of("email", "GEORGI@example.com", "displayName",
				"Georgi Again", "role", "AGENT", "language", "bg", "timeZone", "Europe/Sofia", "password", ""));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body()).contains("is-invalid");
	}

}
