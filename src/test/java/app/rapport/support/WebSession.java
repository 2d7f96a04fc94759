package app.rapport.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that behaves like a browser on the web UI (session cookie, CSRF token
 * taken from the last page, form posts), without following redirects so that tests can assert them.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String csrfToken;

	private WebSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public static WebSession at(int port) {
		return new WebSession("http://127.0.0.1:" + port);
	}

	/** Sends this header with every following request, e.g. {@code Accept-Language}. */
	public WebSession header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public Page get(String path) {
		return send(request(path).GET());
	}

	/** Posts a form with the CSRF token of the last page seen; a Collection value sends the field repeatedly. */
	public Page post(String path, Map<String, ?> form) {
		Map<String, Object> withToken = new LinkedHashMap<>(form);
		if (csrfToken != null) {
			withToken.putIfAbsent("_csrf", csrfToken);
		}
		return postRaw(path, withToken);
	}

	/** Posts a raw {@code multipart/form-data} body built by the caller (who adds the CSRF part, see {@link #csrfToken()}). */
	public Page postMultipart(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** The CSRF token of the last page seen, or {@code null}. */
	public String csrfToken() {
		return csrfToken;
	}

	/** Posts a form exactly as given, without adding a CSRF token. */
	public Page postWithoutCsrf(String path, Map<String, ?> form) {
		return postRaw(path, form);
	}

	/** Signs in through the form and then opens the profile, so that the next post has a fresh CSRF token. */
	public Page signIn(String email, String password) {
		get("/login");
		Page result = post("/login", Map.of("email", email, "password", password));
		if (result.status() == 302 && result.location().endsWith("/")) {
			get("/profile");
		}
		return result;
	}

	/** The value of the session cookie, or {@code null} when there is none. */
	public String sessionId() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Page postRaw(String path, Map<String, ?> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> {
			Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
			for (Object v : values) {
				pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
			}
		});
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml");
		headers.forEach(b::header);
		return b;
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Page page = new Page(r.statusCode(), r.headers().map(), r.body());
			Matcher m = CSRF.matcher(page.body());
			if (m.find()) {
				csrfToken = m.group(1) != null ? m.group(1) : m.group(2);
			}
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response as the browser got it. */
	public record Page(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}

		/** The redirect target, or {@code null}. */
		public String location() {
			return header("Location");
		}

		/** The first group of the pattern in the body; fails when it is absent. */
		public String find(String regex) {
			Matcher m = Pattern.compile(regex).matcher(body);
			if (!m.find()) {
				throw new AssertionError("No match for " + regex + " in\n" + body);
			}
			return m.group(1);
		}

		@Override
		public String toString() {
			return status + " " + (location() != null ? "-> " + location() : body);
		}

	}

}
