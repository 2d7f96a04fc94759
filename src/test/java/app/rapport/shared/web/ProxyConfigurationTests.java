package app.rapport.shared.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyConfigurationTests {

	@Test
	void marksTheSessionCookieSecureWhenUsersReachRapportOverHttps() throws Exception {
		MockServletContext https = new MockServletContext();
		new ProxyConfiguration().secureSessionCookie("https://help.example.com").onStartup(https);
		assertThat(https.getSessionCookieConfig().isSecure()).isTrue();

		MockServletContext http = new MockServletContext();
		new ProxyConfiguration().secureSessionCookie("http://localhost:8080").onStartup(http);
		assertThat(http.getSessionCookieConfig().isSecure()).isFalse();
	}

	@Test
	void refusesToStartWithATrustedProxyThatIsNoAddress() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new ProxyConfiguration().trustedProxies("10.0.0.1, proxy.local"))
			.hasMessageContaining("RAPPORT_TRUSTED_PROXIES").hasMessageContaining("proxy.local");
	}

}
