package app.rapport.identity;

import java.time.Clock;
import java.util.Map;

import app.rapport.support.WebSession;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in form, lockout, CSRF, session fixation, secure headers and the UI language, over real HTTP. */
@RapportIntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserRepository users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Clock clock;

	@Test
	void signsInWithTheFormAndLandsOnTheQueue() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port);
		assertThat(browser.get("/login").status()).isEqualTo(200);

		WebSession.Page signedIn = browser.post("/login", Map.of("email", agent.email(), "password", TestUsers.PASSWORD));

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/");
		assertThat(browser.get("/").location()).endsWith("/tickets");
	}

	@Test
	void changesTheSessionIdOnSignIn() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port);
		browser.get("/login");
		String before = browser.sessionId();
		assertThat(before).isNotNull();

		browser.post("/login", Map.of("email", agent.email(), "password", TestUsers.PASSWORD));

		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
	}

	@Test
	void showsTheWrongPasswordMessageInTheBrowsersLanguage() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port).header("Accept-Language", "bg-BG,bg;q=0.9");
		browser.get("/login");

		WebSession.Page refused = browser.post("/login", Map.of("email", agent.email(), "password", "not-the-password-1"));

		assertThat(refused.location()).endsWith("/login?error");
		assertThat(browser.get("/login?error").body()).contains("Грешен имейл или парола.");
		assertThat(users.findById(agent.id()).orElseThrow().getFailedSignIns()).isEqualTo(1);
	}

	@Test
	void locksTheAccountAfterFiveFailuresAndRefusesEvenTheRightPassword() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port);
		for (int i = 0; i < 5; i++) {
			browser.get("/login");
			assertThat(browser.post("/login", Map.of("email", agent.email(), "password", "wrong-password-" + i))
				.location()).endsWith("/login?error");
		}
		assertThat(users.findById(agent.id()).orElseThrow().isLockedAt(clock.instant())).isTrue();

		browser.get("/login");
		WebSession.Page right = browser.post("/login", Map.of("email", agent.email(), "password", TestUsers.PASSWORD));

		assertThat(right.location()).endsWith("/login?locked");
		assertThat(browser.get("/login?locked").body()).contains("this account is locked for a while");
		assertThat(browser.get("/profile").location()).endsWith("/login");
	}

	@Test
	void refusesAFormPostWithoutTheCsrfToken() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port);
		browser.signIn(agent.email(), TestUsers.PASSWORD);

		WebSession.Page refused = browser.postWithoutCsrf("/profile", Map.of("language", "bg", "timeZone", "Europe/Sofia"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("You are not allowed to do this.").doesNotContain("Whitelabel");
		assertThat(directory.user(agent.id()).orElseThrow().language()).isEqualTo("en");
	}

	@Test
	void sendsSecureHeaders() {
		WebSession.Page login = WebSession.at(port).get("/login");

		assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
		assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(login.header("Cache-Control")).contains("no-store");
	}

	@Test
	void showsTraditionalChineseOnTheSignInPageForATaiwaneseBrowser() {
		WebSession.Page login = WebSession.at(port).header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5").get("/login");

		assertThat(login.body()).contains("lang=\"zh-TW\"", "電子郵件", "密碼").doesNotContain("电子邮箱");
	}

	@Test
	void switchesTheInterfaceToBulgarianAndRemembersIt() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = WebSession.at(port);
		browser.signIn(agent.email(), TestUsers.PASSWORD);
		assertThat(browser.get("/profile").body()).contains("Sign out");

		WebSession.Page switched = browser.post("/profile/language", Map.of("language", "bg", "returnTo", "/profile"));

		assertThat(switched.location()).endsWith("/profile");
		assertThat(browser.get("/profile").body()).contains("Изход", "Вашият профил").doesNotContain("Sign out");
		assertThat(directory.user(agent.id()).orElseThrow().language()).isEqualTo("bg");
	}

	@Test
	void theSavedLanguageWinsOverTheBrowserAfterSignIn() {
		UserSummary agent = testUsers.user(Role.AGENT, "bg");
		WebSession browser = WebSession.at(port).header("Accept-Language", "zh-TW");
		assertThat(browser.get("/login").body()).contains("登入");

		browser.signIn(agent.email(), TestUsers.PASSWORD);

		assertThat(browser.get("/profile").body()).contains("Изход").doesNotContain("登出");
	}

}
