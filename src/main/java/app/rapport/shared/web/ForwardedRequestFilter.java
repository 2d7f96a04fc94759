package app.rapport.shared.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a trusted reverse proxy, makes the request report the client's address and scheme from
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, so that sign-in throttling counts each client,
 * not the proxy. From anyone else these headers are ignored.
 */
class ForwardedRequestFilter extends OncePerRequestFilter {

	private final TrustedProxies proxies;

	ForwardedRequestFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String peer = request.getRemoteAddr();
		if (!proxies.trusts(peer)) {
			chain.doFilter(request, response);
			return;
		}
		List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
		String client = proxies.clientAddress(peer, forwardedFor);
		String proto = lastValue(request.getHeader("X-Forwarded-Proto"));
		boolean https = proto == null ? request.isSecure() : proto.equalsIgnoreCase("https");
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getRemoteAddr() {
				return client;
			}

			@Override
			public String getRemoteHost() {
				return client;
			}

			@Override
			public boolean isSecure() {
				return https;
			}

			@Override
			public String getScheme() {
				return https ? "https" : "http";
			}
		}, response);
	}

	/** The value the nearest proxy added (the last one), when a chain of proxies appended theirs. */
	private static String lastValue(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String[] parts = header.split(",");
		return parts[parts.length - 1].strip();
	}

}
