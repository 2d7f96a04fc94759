package app.rapport.identity;

import java.util.Map;

import app.rapport.support.TestDatabase;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rapport behind a reverse proxy on 127.0.0.1 that terminates HTTPS: sign-in throttling counts each client
 * the proxy forwards for, not the proxy, and redirects stay on the address the browser used. About HTTP, not the
 * database, so it runs on H2 only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = { "rapport.trusted-proxies=127.0.0.1, ::1",
		"rapport.sign-in.max-failures-per-address=3" })
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class BehindAProxyIntegrationTests {

	@LocalServerPort
	int port;

	WebSession client(String forwardedFor) {
		return WebSession.at(port).header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https");
	}

	static WebSession.Page failSignIn(WebSession session) {
		session.get("/login");
		return session.post("/login", Map.of("email", "nobody@example.com", "password", "wrong-password-123"));
	}

	@Test
	void throttlesTheClientThatFailsAndNotTheOthersBehindTheSameProxy() {
		WebSession guesser = client("203.0.113.9");
		for (int i = 0; i < 3; i++) {
			assertThat(failSignIn(guesser).location()).contains("/login?error");
		}
		assertThat(failSignIn(guesser).status()).isEqualTo(429);
		// A guesser who makes up an earlier hop is still counted by the address the proxy saw.
		assertThat(failSignIn(client("1.2.3.4, 203.0.113.9")).status()).isEqualTo(429);

		WebSession colleague = client("198.51.100.7");
		assertThat(failSignIn(colleague).status()).isEqualTo(302);
		WebSession.Page admin = colleague.post("/login",
				Map.of("email", "admin@test.rapport", "password", "admin-test-password-1"));
		assertThat(admin.status()).isEqualTo(302);
		assertThat(admin.location()).isEqualTo("/");
	}

	@Test
	void redirectsRelativelySoThatTheBrowserStaysOnTheProxysAddress() {
		WebSession.Page page = client("198.51.100.8").get("/tickets");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/login");
	}

}
