package app.rapport.customer.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.customer.CustomerImport;
import app.rapport.customer.CustomerRules;
import app.rapport.customer.ImportJobView;
import app.rapport.customer.ImportJobs;
import app.rapport.customer.ImportTarget;
import app.rapport.customer.ImportsBusyException;
import app.rapport.customer.TimelineEntry;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.web.ApiProblemHandler;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.JsonNode;

/** Small helpers the customer API controllers share: versions, ETags, enum parameters, uploads. */
final class ApiSupport {

	/** Largest CSV file the import accepts (10 MB). */
	static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

	private ApiSupport() {
	}

	/** A timeline entry as the API shows it. */
	record TimelineItem(long id, String kind, String summary, Long contactId, Long organizationId, Long ticketId,
			Integer durationMinutes, Long actorUserId, java.time.Instant occurredAt) {

		static TimelineItem of(TimelineEntry e) {
			return new TimelineItem(e.getId(), e.getKind().name(), e.getSummary(), e.getContactId(), e.getOrganizationId(),
					e.getTicketId(), e.getDurationMinutes(), e.getActorUserId(), e.getOccurredAt());
		}

	}

	/** A call, visit, meeting or note to log. */
	record InteractionRequest(String kind, String summary, Integer durationMinutes, java.time.Instant occurredAt) {
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	static <T> ResponseEntity<T> withEtag(T body, long version) {
		return ResponseEntity.ok().eTag(etag(version)).body(body);
	}

	/** The version the client based its change on: If-Match wins over a {@code version} field; may be null. */
	static Long expectedVersion(String ifMatch, JsonNode body) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			String v = ifMatch.trim();
			if (v.startsWith("W/")) {
				v = v.substring(2);
			}
			v = v.replace("\"", "");
			try {
				return Long.parseLong(v);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("If-Match", "must be the ETag of the resource, e.g. \"3\"");
			}
		}
		JsonNode version = body.get("version");
		if (version == null || version.isNull()) {
			return null;
		}
		if (!version.isIntegralNumber()) {
			throw new InvalidInputException("version", "must be a number");
		}
		return version.asLong();
	}

	static <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		E parsed = CustomerRules.parse(type, value);
		if (parsed == null) {
			throw new InvalidInputException(name, "must be one of " + List.of(type.getEnumConstants()));
		}
		return parsed;
	}

	static String languageParam(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String tag = CustomerRules.language(value);
		if (tag == null) {
			throw new InvalidInputException("language", "must be one of en, zh-CN, zh-TW, bg");
		}
		return tag;
	}

	/** The request body, refused with 413 above {@link #MAX_IMPORT_BYTES}. */
	static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
			throw new MaxUploadSizeExceededException(MAX_IMPORT_BYTES);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) MAX_IMPORT_BYTES + 1);
			if (bytes.length > MAX_IMPORT_BYTES) {
				throw new MaxUploadSizeExceededException(MAX_IMPORT_BYTES);
			}
			return bytes;
		}
	}

	/** A dry run's report (200), or the job of the import now running in the background (202 and its address). */
	static ResponseEntity<?> importFile(CustomerImport imports, ImportJobs jobs, ImportTarget target, byte[] bytes,
			String charset, boolean dryRun, String fileName, long actor) {
		if (dryRun) {
			return ResponseEntity.ok(imports.dryRun(target, bytes, charset));
		}
		ImportJobView job = jobs.start(target, bytes, charset, fileName, actor);
		return ResponseEntity.accepted().location(URI.create(importJobPath(target, job.id()))).body(job);
	}

	/** The user's own job of this target; 404 for anybody else's and for another target's. */
	static ImportJobView importJob(ImportJobs jobs, ImportTarget target, String id, long actor) {
		ImportJobView job = jobs.job(id, actor);
		if (job.target() != target) {
			throw new NotFoundException("Import " + id);
		}
		return job;
	}

	static String importJobPath(ImportTarget target, String id) {
		return "/api/v1/" + target.path() + "/imports/" + id;
	}

	/** 503 with Retry-After: the imports waiting to run are as many as may wait. */
	static ResponseEntity<ProblemDetail> busy(ImportsBusyException ex) {
		ResponseEntity<ProblemDetail> problem = ApiProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many imports waiting",
				ex.getMessage(), Map.of());
		return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header(HttpHeaders.RETRY_AFTER, "60")
			.body(problem.getBody());
	}

	static void requireFile(byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidInputException("file", "is empty; send a CSV file");
		}
	}

	/** Strings of a JSON array (or a single string); {@code null} when absent. */
	static List<String> strings(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		List<String> result = new ArrayList<>();
		if (value.isArray()) {
			for (JsonNode item : value) {
				if (!item.isString()) {
					throw new InvalidInputException(field, "must be a list of strings");
				}
				result.add(item.asString());
			}
		}
		else if (value.isString()) {
			result.add(value.asString());
		}
		else {
			throw new InvalidInputException(field, "must be a list of strings");
		}
		return result;
	}

	static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidInputException(field, "must be a string");
		}
		return value.asString();
	}

	static Long id(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.asLong();
		}
		if (value.isString() && value.asString().matches("\\d{1,18}")) {
			return Long.parseLong(value.asString());
		}
		throw new InvalidInputException(field, "must be an id (a number)");
	}

	/** Attribute values as text (numbers and booleans as written); {@code null} when absent. */
	static Map<String, String> attributes(JsonNode node) {
		JsonNode value = node.get("attributes");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new InvalidInputException("attributes", "must be an object of key: value");
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (var entry : value.properties()) {
			JsonNode v = entry.getValue();
			if (v.isContainer()) {
				throw new InvalidInputException("attributes." + entry.getKey(), "must be a single value");
			}
			result.put(entry.getKey(), v.isNull() ? null : v.isString() ? v.asString() : v.toString());
		}
		return result;
	}

	static boolean has(JsonNode node, String field) {
		return node.has(field);
	}

	static void requireObject(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
	}

}
