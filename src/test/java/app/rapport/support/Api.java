package app.rapport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the REST API over real HTTP, for integration tests. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String baseUrl;

	private final String authorization;

	private Api(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	public static Api at(int port) {
		return new Api("http://127.0.0.1:" + port, null);
	}

	public Api withToken(String token) {
		return new Api(baseUrl, "Bearer " + token);
	}

	public Api withBasic(String user, String password) {
		return new Api(baseUrl, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Api anonymous() {
		return new Api(baseUrl, null);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** GET with {@code Accept: text/plain}, e.g. for the Prometheus endpoint. */
	public Response getText(String path) {
		return send(request(path).header("Accept", "text/plain").GET());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").POST(body(body)));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
	}

	public Response patch(String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json").method("PATCH", body(body));
		headers.forEach(b::header);
		return send(b);
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/** Sends a raw body with the given content type (for malformed-input tests and uploads). */
	public Response raw(String method, String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).method(method,
				HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return b;
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		if (body instanceof String s) {
			return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
		}
		return HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8);
	}

	private static Response send(HttpRequest.Builder builder) {
		HttpRequest built = builder.build();
		if (built.headers().firstValue("Accept").isEmpty()) {
			builder.header("Accept", "application/json, application/problem+json");
		}
		try {
			HttpResponse<String> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.headers().map(), r.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, headers and body (parsed as JSON on demand). */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return Api.json(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
