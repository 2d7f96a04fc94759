package app.rapport.identity;

import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health is public, metrics need an admin token, and nothing the actuator shows carries a secret. */
@RapportIntegrationTest
class ActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void healthIsPublicAndUp() {
		Api.Response health = Api.at(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("components", "jdbc");
		assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void metricsAndInfoCarryNoSecrets() {
		UserSummary admin = testUsers.user(Role.ADMIN);
		String token = testUsers.token(admin, "admin");

		Api.Response metrics = Api.at(port).withToken(token).getText("/actuator/prometheus");
		Api.Response info = Api.at(port).get("/actuator/info");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
		assertThat(info.status()).isEqualTo(200);
		for (Api.Response response : new Api.Response[] { metrics, info }) {
			// Spring Security's metrics name the authentication type and filter (after any form sign-in in
			// this shared context); those class names are no secret.
			String body = response.body()
				.toLowerCase()
				.replace("usernamepasswordauthenticationtoken", "")
				.replace("usernamepasswordauthenticationfilter", "");
			assertThat(body).doesNotContain("password", "secret", "jdbc:", "postgresql://")
				.doesNotContain("admin-test-password-1", TestUsers.PASSWORD.toLowerCase(), token.toLowerCase(), "rpt_");
		}
	}

	@Test
	void doesNotExposeEnvironmentConfigurationOrHeapDumps() {
		String adminToken = testUsers.token(testUsers.user(Role.ADMIN), "admin");
		for (String endpoint : new String[] { "env", "configprops", "heapdump", "beans", "threaddump", "loggers",
				"mappings", "shutdown" }) {
			assertThat(Api.at(port).get("/actuator/" + endpoint).status()).as("anonymous " + endpoint).isEqualTo(401);
			assertThat(Api.at(port).withToken(adminToken).get("/actuator/" + endpoint).status()).as("admin " + endpoint)
				.isEqualTo(404);
		}
	}

	@Test
	void refusesMetricsToTokensWithoutTheAdminScope() {
		UserSummary admin = testUsers.user(Role.ADMIN);
		assertThat(Api.at(port).withToken(testUsers.token(admin, "read", "write")).getText("/actuator/prometheus").status())
			.isEqualTo(403);
		assertThat(Api.at(port).getText("/actuator/prometheus").status()).isEqualTo(401);
	}

}
