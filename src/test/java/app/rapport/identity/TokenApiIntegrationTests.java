package app.rapport.identity;

import java.util.List;
import java.util.Map;

import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class TokenApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	ApiTokenRepository tokenRows;

	@Autowired
	java.time.Clock clock;

	@Test
	void issuesTokenWithBasicCredentialsAndAcceptsItAsBearer() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api.Response created = Api.at(port).withBasic(agent.email(), TestUsers.PASSWORD)
			.post("/api/v1/tokens", Map.of("name", "integration", "scopes", List.of("read", "write")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = created.json().get("token").asString();
		assertThat(token).startsWith("rpt_");
		assertThat(created.json().get("id").asLong()).isPositive();

		Api.Response groups = Api.at(port).withToken(token).get("/api/v1/groups");
		assertThat(groups.status()).isEqualTo(200);
	}

	@Test
	void refusesWrongPasswordNoTokenAndRevokedToken() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api.Response wrong = Api.at(port).withBasic(agent.email(), "not-the-password")
			.post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("read")));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/problem+json");

		assertThat(Api.at(port).get("/api/v1/groups").status()).isEqualTo(401);
		assertThat(Api.at(port).withToken("rpt_forged").get("/api/v1/groups").status()).isEqualTo(401);

		String token = testUsers.token(agent, "read", "write");
		Api api = Api.at(port).withToken(token);
		long id = api.get("/api/v1/tokens").json().get("items").get(0).get("id").asLong();
		assertThat(api.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		Api.Response afterRevoke = api.get("/api/v1/groups");
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.json().get("detail").asString()).contains("revoked");
	}

	@Test
	void refusesScopesBeyondTheRoleAndBadInput() {
		UserSummary analyst = testUsers.user(Role.ANALYST);
		Api basic = Api.at(port).withBasic(analyst.email(), TestUsers.PASSWORD);
		Api.Response tooMuch = basic.post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("write")));
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");

		Api.Response malformed = basic.post("/api/v1/tokens", "{\"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		Api.Response missingName = basic.post("/api/v1/tokens", Map.of("scopes", List.of("read")));
		assertThat(missingName.status()).isEqualTo(400);
		assertThat(missingName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void refusesAnAnalystsTokenCreatingAWriteToken() {
		UserSummary analyst = testUsers.user(Role.ANALYST);
		String readToken = testUsers.token(analyst, "read");

		Api.Response withBearer = Api.at(port).withToken(readToken)
			.post("/api/v1/tokens", Map.of("name", "escalate", "scopes", List.of("write")));

		// Tokens are issued against the password only, so a token can never mint a stronger one.
		assertThat(withBearer.status()).isEqualTo(401);
		assertThat(Api.at(port).withToken(readToken).get("/api/v1/tokens").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void locksAccountAfterRepeatedFailures() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api wrong = Api.at(port).withBasic(agent.email(), "wrong-password-123");
		for (int i = 0; i < 5; i++) {
			assertThat(wrong.post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("read"))).status())
				.isEqualTo(401);
		}
		// Even the right password is refused while the account is locked.
		Api.Response right = Api.at(port).withBasic(agent.email(), TestUsers.PASSWORD)
			.post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("read")));
		assertThat(right.status()).isEqualTo(401);
	}

	@Test
	void healthIsPublicAndMetricsNeedAdminScope() {
		assertThat(Api.at(port).get("/actuator/health").status()).isEqualTo(200);
		UserSummary agent = testUsers.user(Role.AGENT);
		assertThat(Api.at(port).withToken(testUsers.token(agent, "read")).getText("/actuator/prometheus").status())
			.isEqualTo(403);
		UserSummary admin = testUsers.user(Role.ADMIN);
		Api.Response metrics = Api.at(port).withToken(testUsers.token(admin, "admin")).getText("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").doesNotContain("admin-test-password");
	}

	@Test
	void aReadOnlyTokenCannotRevokeTheUsersOtherTokens() {
		UserSummary agent = testUsers.user(Role.AGENT);
		String integration = testUsers.token(agent, "read", "write");
		Api readOnly = Api.at(port).withToken(testUsers.token(agent, "read"));
		long integrationId = readOnly.get("/api/v1/tokens").json().get("items").values().stream()
			.filter(t -> t.get("scopes").size() == 2).findFirst().orElseThrow().get("id").asLong();

		Api.Response refused = readOnly.delete("/api/v1/tokens/" + integrationId);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(Api.at(port).withToken(integration).get("/api/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void aTokenMayExpireAndIsRefusedAfterItsExpiry() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api basic = Api.at(port).withBasic(agent.email(), TestUsers.PASSWORD);
		java.time.Instant inAMonth = clock.instant().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Api.Response created = basic.post("/api/v1/tokens",
				Map.of("name", "quarterly report", "scopes", List.of("read"), "expiresAt", inAMonth.toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(java.time.Instant.parse(created.json().get("expiresAt").asString())).isEqualTo(inAMonth);
		Api api = Api.at(port).withToken(created.json().get("token").asString());
		tools.jackson.databind.JsonNode listed = api.get("/api/v1/tokens").json().get("items").get(0);
		assertThat(java.time.Instant.parse(listed.get("expiresAt").asString())).isEqualTo(inAMonth);
		assertThat(listed.get("state").asString()).isEqualTo("active");
		assertThat(api.get("/api/v1/groups").status()).isEqualTo(200);

		// Let the month pass for this token only.
		ApiToken row = tokenRows.findById(created.json().get("id").asLong()).orElseThrow();
		org.springframework.test.util.ReflectionTestUtils.setField(row, "expiresAt", clock.instant().minusSeconds(1));
		tokenRows.save(row);

		Api.Response expired = api.get("/api/v1/groups");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().get("detail").asString()).contains("expired");
		tools.jackson.databind.JsonNode afterwards = Api.at(port).withToken(testUsers.token(agent, "read"))
			.get("/api/v1/tokens").json().get("items");
		assertThat(afterwards.values().stream().map(t -> t.get("state").asString())).contains("expired", "active");
	}

	@Test
	void refusesAnExpiryInThePastTooFarAheadOrMalformed() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api basic = Api.at(port).withBasic(agent.email(), TestUsers.PASSWORD);
		for (String expiresAt : List.of(clock.instant().minusSeconds(60).toString(),
				clock.instant().plus(java.time.Duration.ofDays(20 * 366)).toString())) {
			Api.Response refused = basic.post("/api/v1/tokens",
					Map.of("name", "x", "scopes", List.of("read"), "expiresAt", expiresAt));
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
		}
		Api.Response malformed = basic.post("/api/v1/tokens",
				Map.of("name", "x", "scopes", List.of("read"), "expiresAt", "next tuesday"));
		assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		Api.Response none = Api.at(port).withToken(testUsers.token(agent, "read")).get("/api/v1/tokens");
		assertThat(none.json().get("total").asLong()).isEqualTo(1);
	}

}
