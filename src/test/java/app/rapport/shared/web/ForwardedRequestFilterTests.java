package app.rapport.shared.web;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedRequestFilterTests {

	static HttpServletRequest seenBehind(TrustedProxies proxies, MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		new ForwardedRequestFilter(proxies).doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set((HttpServletRequest) req));
		return seen.get();
	}

	static MockHttpServletRequest fromProxy() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr("10.0.0.2");
		request.addHeader("X-Forwarded-For", "203.0.113.9");
		request.addHeader("X-Forwarded-Proto", "https");
		return request;
	}

	@Test
	void reportsTheForwardedClientAndSchemeBehindATrustedProxy() throws Exception {
		HttpServletRequest seen = seenBehind(TrustedProxies.parse("10.0.0.0/8"), fromProxy());
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.isSecure()).isTrue();
		assertThat(seen.getScheme()).isEqualTo("https");
	}

	@Test
	void ignoresForwardingHeadersFromAnyoneElse() throws Exception {
		HttpServletRequest seen = seenBehind(TrustedProxies.none(), fromProxy());
		assertThat(seen.getRemoteAddr()).isEqualTo("10.0.0.2");
		assertThat(seen.isSecure()).isFalse();
		HttpServletRequest other = seenBehind(TrustedProxies.parse("192.168.0.0/16"), fromProxy());
		assertThat(other.getRemoteAddr()).isEqualTo("10.0.0.2");
	}

}
