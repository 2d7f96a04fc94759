package app.rapport.shared.web;

import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Running behind a reverse proxy: which proxies are believed ({@code RAPPORT_TRUSTED_PROXIES}), and a
 * session cookie marked {@code Secure} when Rapport is reached over HTTPS ({@code RAPPORT_BASE_URL}).
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	@Bean
	TrustedProxies trustedProxies(@Value("${rapport.trusted-proxies:}") String list) {
		try {
			return TrustedProxies.parse(list);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("RAPPORT_TRUSTED_PROXIES: " + ex.getMessage(), ex);
		}
	}

	/** Runs before Spring Security, so that everything after it sees the client, not the proxy. */
	@Bean
	FilterRegistrationBean<ForwardedRequestFilter> forwardedRequestFilter(TrustedProxies proxies) {
		FilterRegistrationBean<ForwardedRequestFilter> registration = new FilterRegistrationBean<>(
				new ForwardedRequestFilter(proxies));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** Browsers send a {@code Secure} cookie over HTTPS only: right when the address users reach is https. */
	@Bean
	ServletContextInitializer secureSessionCookie(@Value("${rapport.base-url}") String baseUrl) {
		return (ServletContext context) -> {
			if (baseUrl.regionMatches(true, 0, "https://", 0, 8)) {
				context.getSessionCookieConfig().setSecure(true);
			}
		};
	}

}
