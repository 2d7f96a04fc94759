package app.rapport.identity;

import java.util.List;
import java.util.Map;

import app.rapport.support.Api;
import app.rapport.support.WebSession;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's own API tokens in the web UI: created with scopes the role allows, shown once, revocable. */
@RapportIntegrationTest
class ProfileTokensIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	ApiTokenService tokens;

	WebSession signedIn(UserSummary user) {
		WebSession browser = WebSession.at(port);
		assertThat(browser.signIn(user.email(), TestUsers.PASSWORD).location()).endsWith("/");
		return browser;
	}

	@Test
	void createsATokenThatIsShownOnceAndWorksOnTheApi() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(agent);
		assertThat(browser.get("/profile/tokens").body()).contains("value=\"read\"", "value=\"write\"")
			.doesNotContain("value=\"admin\"");

		WebSession.Page created = browser.post("/profile/tokens", Map.of("name", "CI 集成", "scopes", List.of("read", "write")));

		assertThat(created.location()).endsWith("/profile/tokens");
		WebSession.Page page = browser.get("/profile/tokens");
		String token = page.find("id=\"issuedToken\">([^<]+)<");
		assertThat(token).startsWith("rpt_");
		assertThat(page.body()).contains("CI 集成");
		assertThat(browser.get("/profile/tokens").body()).doesNotContain(token);
		assertThat(Api.at(port).withToken(token).get("/api/v1/groups").status()).isEqualTo(200);
		assertThat(tokens.tokensOf(agent.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent()).singleElement()
			.satisfies(t -> assertThat(t.scopes()).containsExactly("read", "write"));
	}

	@Test
	void createsATokenThatExpiresAfterTheChosenLifetimeAndRefusesAnotherLifetime() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(agent);
		assertThat(browser.get("/profile/tokens").body()).contains("name=\"lifetimeDays\"", "value=\"30\"");

		WebSession.Page odd = browser.post("/profile/tokens",
				Map.of("name", "odd", "scopes", List.of("read"), "lifetimeDays", "13"));
		assertThat(odd.status()).isEqualTo(200);
		assertThat(odd.body()).contains("Choose one of the lifetimes offered.");
		assertThat(tokens.tokensOf(agent.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent()).isEmpty();

		browser.post("/profile/tokens", Map.of("name", "monthly export", "scopes", List.of("read"), "lifetimeDays", "30"));
		var token = tokens.tokensOf(agent.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent().get(0);
		assertThat(token.expiresAt()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(29)),
				java.time.Instant.now().plus(java.time.Duration.ofDays(31)));
		assertThat(browser.get("/profile/tokens").body()).contains("monthly export").contains("Expires");
	}

	@Test
	void refusesAnAnalystAWriteToken() {
		UserSummary analyst = testUsers.user(Role.ANALYST, "zh-TW");
		WebSession browser = signedIn(analyst);
		assertThat(browser.get("/profile/tokens").body()).contains("value=\"read\"").doesNotContain("value=\"write\"");

		WebSession.Page refused = browser.post("/profile/tokens", Map.of("name", "sneaky", "scopes", List.of("write")));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("請至少選擇一個可用的權限範圍。");
		assertThat(tokens.tokensOf(analyst.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent()).isEmpty();
	}

	@Test
	void refusesATokenWithoutNameOrScopes() {
		UserSummary agent = testUsers.user(Role.AGENT);
		WebSession browser = signedIn(agent);
		browser.get("/profile/tokens");

		WebSession.Page refused = browser.post("/profile/tokens", Map.of("name", " "));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Enter a name of 1 to 100 characters.");
		assertThat(tokens.tokensOf(agent.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent()).isEmpty();
	}

	@Test
	void revokesAnOwnTokenWhichTheApiThenRefuses() {
		UserSummary agent = testUsers.user(Role.AGENT);
		String token = testUsers.token(agent, "read");
		long id = tokens.tokensOf(agent.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent().get(0).id();
		WebSession browser = signedIn(agent);
		browser.get("/profile/tokens");

		WebSession.Page revoked = browser.post("/profile/tokens/" + id + "/revoke", Map.of());

		assertThat(revoked.location()).endsWith("/profile/tokens");
		assertThat(browser.get("/profile/tokens").body()).contains("The token has been revoked");
		assertThat(Api.at(port).withToken(token).get("/api/v1/groups").status()).isEqualTo(401);
	}

	@Test
	void cannotRevokeSomeoneElsesToken() {
		UserSummary owner = testUsers.user(Role.AGENT);
		String token = testUsers.token(owner, "read");
		long id = tokens.tokensOf(owner.id(), org.springframework.data.domain.PageRequest.of(0, 50)).getContent().get(0).id();
		WebSession other = signedIn(testUsers.user(Role.SUPERVISOR));
		other.get("/profile/tokens");

		WebSession.Page refused = other.post("/profile/tokens/" + id + "/revoke", Map.of());

		assertThat(refused.status()).isEqualTo(404);
		assertThat(Api.at(port).withToken(token).get("/api/v1/groups").status()).isEqualTo(200);
	}

}
