package app.rapport;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.notification.Notice;
import app.rapport.notification.Notifications;
import app.rapport.support.Api;
import app.rapport.support.DatabaseFingerprint;
import app.rapport.support.Endpoints;
import app.rapport.support.Endpoints.Endpoint;
import app.rapport.support.Endpoints.Param;
import app.rapport.support.Multipart;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays each kind of bad input the review found against every endpoint that takes it, discovered from
 * Spring MVC's mapping (API and web) and from the forms the pages render: pages past the limit, malformed
 * sorts, dates far outside any sensible range, texts longer than their columns, U+0000 anywhere, odd
 * multipart parts and {@code GET /error}. Each must be answered 4xx with a reason and change nothing in the
 * database, or (where the input may be accepted) at least not fail; and nothing is logged at ERROR. The
 * breach detector is off in this context so that only the replayed requests write; the context is small
 * (four connections) and closed afterwards, so that it does not hold PostgreSQL connections for the suite.
 */
@RapportIntegrationTest
@TestPropertySource(properties = { "rapport.commitments.detector.enabled=false",
		"spring.datasource.hikari.maximum-pool-size=4" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BadInputIntegrationTests {

	static final String NUL = "a\u0000b";

	/** One character more than the largest column (the message body, 1,000,000). */
	static final String LONG = "x".repeat(1_000_001);

	/** Long enough for any column, short enough for a URL. */
	static final String LONG_IN_URL = "x".repeat(4_000);

	static final List<String> BAD_PAGES = List.of("2147483647", "99999999", "9999999999999", "-1", "abc");

	static final List<String> BAD_SIZES = List.of("0", "201", "2147483647");

	static final List<String> BAD_SORTS = List.of(",", ",,", ",asc", "updated,", "updated,sideways",
			"updated,asc,desc", "nonsense");

	static final List<String> FAR_DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01",
			"0000-12-31");

	static final List<String> FAR_INSTANTS = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
			"+10000-01-01T00:00:00Z");

	static final List<String> FAR_LOCAL_TIMES = List.of("+999999999-12-31T23:59", "-999999999-01-01T00:00");

	static final List<String> HUGE_NUMBERS = List.of("9223372036854775807", "9223372036854775808");

	static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");

	/** Form fields whose text the crawl does not touch: they are not free text. */
	static final Set<String> NOT_TEXT = Set.of("hidden", "checkbox", "radio", "submit", "button", "file", "reset",
			"image", "color", "range");

	/** The endpoints {@link #sampleBody} has a valid body for. */
	static final Set<String> SAMPLED = Set.of(
		"POST /api/v1/tickets", "PATCH /api/v1/tickets/{id}", "POST /api/v1/tickets/{id}/messages",
		"POST /api/v1/tickets/{id}/links", "POST /api/v1/tickets/{id}/follow-ups",
		"POST /api/v1/tickets/{id}/merge", "POST /api/v1/contacts/{id}/merge", "POST /api/v1/contacts",
		"PATCH /api/v1/contacts/{id}", "POST /api/v1/contacts/{id}/interactions",
		"POST /api/v1/organizations/{id}/interactions", "POST /api/v1/organizations",
		"PATCH /api/v1/organizations/{id}", "POST /api/v1/customer-attributes", "POST /api/v1/calendars",
		"PUT /api/v1/calendars/{id}", "PUT /api/v1/calendars/{id}/days/{date}", "POST /api/v1/plans",
		"PUT /api/v1/plans/{id}", "PUT /api/v1/breaches/{id}/reason", "POST /api/v1/tokens");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	Notifications notifications;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	List<Endpoint> endpoints;

	DatabaseFingerprint fingerprint;

	@org.springframework.beans.factory.annotation.Autowired
	app.rapport.support.Reactions reactions;

	Map<String, String> lastFingerprint;

	UserSummary admin;

	UserSummary agent;

	GroupSummary group;

	Api api;

	WebSession web;

	final Map<String, Object> ids = new LinkedHashMap<>();

	final List<String> failures = new ArrayList<>();

	int replayed;

	@BeforeAll
	void createSomethingOfEachKind() {
		endpoints = Endpoints.of(mapping);
		fingerprint = new DatabaseFingerprint(dataSource);
		group = users.group(AssignmentMode.MANUAL);
		admin = users.user(Role.ADMIN);
		agent = users.agentIn(group);
		api = Api.at(port).withToken(users.token(admin, "read", "write", "admin"));
		String unique = UUID.randomUUID().toString().substring(0, 8);

		long organization = created(api.post("/api/v1/organizations", organizationBody(unique)));
		ids.put("organization", organization);
		String attributeKey = "tier" + unique;
		ids.put("attribute", created(api.post("/api/v1/customer-attributes",
				Map.of("target", "CONTACT", "key", attributeKey, "label", "Tier", "type", "TEXT"))));
		ids.put("attributeKey", attributeKey);
		ids.put("contact", created(api.post("/api/v1/contacts", contactBody(unique))));
		long calendar = created(api.post("/api/v1/calendars", calendarBody(unique)));
		ids.put("calendar", calendar);
		ids.put("plan", created(api.post("/api/v1/plans", planBody(unique))));
		long ticket = created(api.post("/api/v1/tickets", ticketBody(unique)));
		ids.put("ticket", ticket);
		ids.put("otherTicket", created(api.post("/api/v1/tickets", ticketBody(unique + "b"))));
		Multipart upload = new Multipart().text("body", "See the photo").file("files", "photo.txt", "text/plain",
				"not really a photo".getBytes(StandardCharsets.UTF_8));
		Api.Response message = api.raw("POST", "/api/v1/tickets/" + ticket + "/messages", upload.contentType(),
				upload.body());
		assertThat(message.status()).as(message.body()).isEqualTo(201);
		ids.put("attachment", message.json().get("attachments").get(0).get("id").asLong());
		notifications.notify(List.of(admin.id()), new Notice("test", "error.title", List.of(), "/"));
		ids.put("notification", api.get("/api/v1/notifications").json().get("items").get(0).get("id").asLong());
		ids.put("day", "2031-05-06");
		assertThat(api.put("/api/v1/calendars/" + calendar + "/days/2031-05-06",
				Map.of("kind", "holiday", "name", "Test day")).status()).isEqualTo(200);

		web = WebSession.at(port);
		assertThat(web.signIn(admin.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
	}

	@BeforeEach
	void startClean() {
		failures.clear();
		replayed = 0;
		reactions.settle();
		lastFingerprint = fingerprint.take();
	}

	@AfterEach
	void loggedNothingAtErrorAndNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll()).as("log while replaying bad input").doesNotContainPattern("\\sERROR\\s")
			.doesNotContain("\tat ");
	}

	// ------------------------------------------------------------------ the replays

	@Test
	void answersBadRequestForPagesPastTheLimitOnEveryPagedList() {
		for (Endpoint e : endpoints) {
			for (Param p : e.query()) {
				boolean page = p.name().equals("page") || p.name().endsWith("Page");
				List<String> values = page ? BAD_PAGES : p.name().equals("size") ? BAD_SIZES : List.of();
				for (String value : values) {
					Map<String, String> query = validQuery(e);
					query.put(p.name(), value);
					if (page && value.equals("99999999") && hasParam(e, "size")) {
						query.put("size", "200");
					}
					replay(e, query, e.api() ? Expect.REFUSED : Expect.NOT_FAILED);
				}
			}
		}
		assertThat(replayed).as("paged lists replayed").isGreaterThan(50);
		assertNoFailures();
	}

	@Test
	void answersBadRequestForAMalformedSortOnEveryListThatSorts() {
		for (Endpoint e : endpoints) {
			if (hasParam(e, "sort")) {
				for (String value : BAD_SORTS) {
					Map<String, String> query = validQuery(e);
					query.put("sort", value);
					replay(e, query, e.api() ? Expect.REFUSED : Expect.NOT_FAILED);
				}
			}
		}
		assertThat(replayed).as("sorted lists replayed").isGreaterThan(5);
		assertNoFailures();
	}

	@Test
	void answersBadRequestForDatesAndInstantsOutsideAnySensibleRange() {
		for (Endpoint e : endpoints) {
			for (Param p : e.query()) {
				for (String value : farTimes(p)) {
					Map<String, String> query = validQuery(e);
					query.put(p.name(), value);
					replay(e, query, isTime(p.type()) ? Expect.REFUSED : Expect.NOT_FAILED);
				}
			}
			for (Param p : e.pathVariables()) {
				if (isTime(p.type())) {
					for (String value : farTimes(p)) {
						replay(e, Map.of(p.name(), value), validQuery(e), sampleBody(e), Expect.REFUSED);
					}
				}
			}
		}
		assertThat(replayed).as("dates replayed").isGreaterThan(30);
		assertNoFailures();
	}

	@Test
	void neverFailsOnHugeNumbersInParameters() {
		for (Endpoint e : endpoints) {
			for (Param p : e.query()) {
				boolean paging = p.name().equals("page") || p.name().equals("size") || p.name().endsWith("Page");
				if (!paging && (p.numeric() || p.text() && p.name().endsWith("Id") || p.name().equals("minutes"))) {
					for (String value : HUGE_NUMBERS) {
						Map<String, String> query = validQuery(e);
						query.put(p.name(), value);
						replay(e, query, Expect.NOT_FAILED);
					}
				}
			}
		}
		assertThat(replayed).as("numbers replayed").isGreaterThan(30);
		assertNoFailures();
	}

	@Test
	void answersBadRequestNamingTheParameterForTheNulCharacterInAnyParameter() {
		for (Endpoint e : endpoints) {
			for (Param p : e.query()) {
				if (p.text()) {
					Map<String, String> query = validQuery(e);
					query.put(p.name(), NUL);
					replay(e, Map.of(), query, null, Expect.REFUSED, p.name());
				}
			}
		}
		assertThat(replayed).as("text parameters replayed").isGreaterThan(50);
		assertNoFailures();
	}

	@Test
	void refusesTextLongerThanItsColumnAndTheNulCharacterInEveryJsonBody() {
		int bodies = 0;
		for (Endpoint e : endpoints) {
			if (!e.api() || !e.jsonBody()) {
				continue;
			}
			bodies++;
			JsonNode sample = sampleBody(e);
			// U+0000 in every free text of the body at once: the refusal must name each of them. (In a date the
			// body cannot even be read; that is replayed below, one field at a time.)
			JsonNode everyTextNul = sampleBody(e);
			List<String> texts = leaves(sample, "").stream()
				.filter(leaf -> at(sample, leaf).isString() && !DATE_LIKE.matcher(at(sample, leaf).asString()).matches())
				.toList();
			for (String leaf : texts) {
				everyTextNul = with(everyTextNul, leaf, JsonNodeFactory.instance.stringNode(NUL));
			}
			if (!texts.isEmpty()) {
				sendBody(e, everyTextNul, e + " body " + texts + " = a\\u0000b", Expect.REFUSED, texts);
			}
			for (String leaf : leaves(sample, "")) {
				JsonNode value = at(sample, leaf);
				if (value.isString()) {
					replayBody(e, sample, leaf, LONG, Expect.REFUSED, List.of());
					if (DATE_LIKE.matcher(value.asString()).matches()) {
						replayBody(e, sample, leaf, NUL, Expect.REFUSED, List.of(leaf));
						for (String far : value.asString().contains("T") ? FAR_INSTANTS : FAR_DATES) {
							replayBody(e, sample, leaf, far, Expect.NOT_FAILED, List.of());
						}
					}
				}
				else if (value.isNumber() && hasSample(e)) {
					for (String huge : HUGE_NUMBERS) {
						replayNumber(e, sample, leaf, huge);
					}
				}
			}
		}
		assertThat(bodies).as("endpoints with a JSON body").isGreaterThan(15);
		assertNoFailures();
	}

	@Test
	void refusesTextLongerThanItsColumnAndTheNulCharacterInEveryWebForm() {
		Map<String, Element> forms = new LinkedHashMap<>();
		for (Endpoint e : endpoints) {
			if (e.api() || !e.method().equals("GET") || e.query().stream().anyMatch(Param::required)
					|| e.path().contains("export") || e.path().contains("{format}") || e.path().contains("attachments")
					|| e.path().contains("/rows")) {
				continue;
			}
			String path = fill(e, Map.of());
			WebSession.Page page = web.get(path);
			if (page.status() != 200 || !String.valueOf(page.header("Content-Type")).startsWith("text/html")) {
				continue;
			}
			Document doc = Jsoup.parse(page.body(), "http://127.0.0.1:" + port + path);
			for (Element form : doc.select("form")) {
				String action = form.attr("action").isEmpty() ? path : form.attr("action");
				if (action.startsWith("/login") || action.startsWith("/logout")) {
					continue;
				}
				String key = form.attr("method").toUpperCase() + " " + action.replaceAll("\\d+", "#") + " "
						+ form.select("[name]").eachAttr("name");
				forms.putIfAbsent(key, form);
			}
		}
		for (Element form : forms.values()) {
			Map<String, List<String>> baseline = baseline(form);
			boolean get = !form.attr("method").equalsIgnoreCase("post");
			Map<String, List<String>> everyTextNul = new LinkedHashMap<>(baseline);
			for (Element field : form.select("input[name], textarea[name]")) {
				if (NOT_TEXT.contains(field.attr("type").toLowerCase())) {
					continue;
				}
				String name = field.attr("name");
				everyTextNul.put(name, List.of(NUL));
				submit(form, with(baseline, name, get ? LONG_IN_URL : LONG), Expect.NOT_FAILED);
			}
			if (!everyTextNul.equals(baseline)) {
				submit(form, everyTextNul, Expect.REFUSED);
			}
		}
		assertThat(forms).as("forms found on the pages").hasSizeGreaterThan(20);
		assertNoFailures();
	}

	@Test
	void refusesUnexpectedMultipartPartsAndANulInAnUploadsFileName() {
		int uploads = 0;
		for (Endpoint e : endpoints) {
			if (!e.multipart() || !e.method().equals("POST")) {
				continue;
			}
			uploads++;
			String fileField = e.files().isEmpty() ? "file" : e.files().get(0).name();
			byte[] content = e.path().contains("calendars") ? ics() : "name,email\nIvan,ivan@example.com\n".getBytes(StandardCharsets.UTF_8);
			uploadReplay(e, multipart(e).file(fileField, "a\u0000b.txt", "text/plain", content), false, Expect.REFUSED);
			uploadReplay(e, multipart(e).file(fileField, "data.csv", "not a type;;;", content), false, Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "data.csv", "text/csv; charset=nonsense", content), false,
					Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "data.csv", "application/x-msdownload", content), false,
					Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "x".repeat(5000) + ".csv", "text/csv", content), false,
					Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "x".repeat(380) + ".csv", "text/csv", content), false,
					Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "big.csv", "text/csv", new byte[11 * 1024 * 1024]), false,
					Expect.NOT_FAILED);
			uploadReplay(e, multipart(e).file(fileField, "data.csv", "x/" + "y".repeat(5000), content), false,
					Expect.NOT_FAILED);
			for (Param p : e.query()) {
				if (p.text()) {
					uploadReplay(e, multipart(e).text(p.name(), "value", "application/json; charset=nonsense")
						.file(fileField, "data.csv", "text/csv", content), false, Expect.NOT_FAILED);
					uploadReplay(e, multipart(e).text(p.name(), NUL).file(fileField, "data.csv", "text/csv", content),
							false, Expect.REFUSED);
				}
			}
			uploadReplay(e, multipart(e).file(fileField, "data.csv", "text/csv", content), true, Expect.REFUSED);
		}
		assertThat(uploads).as("endpoints that take uploads").isGreaterThanOrEqualTo(6);
		assertNoFailures();
	}

	@Test
	void refusesACsvFileWithTheNulCharacterNamingTheLineTheSameOnEveryDatabase() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> files = Map.of("contacts",
				"name,email,organization,tags\nIvan,ivan-" + unique + "@example.com,Ac\u0000me,vip\nIv\u0000an,b-" + unique
						+ "@example.com,,v\u0000ip\n",
				"organizations", "name,domain,tags\nAcme " + unique + ",acme.example,vip\nAc\u0000me,b.example,v\u0000ip\n");
		files.forEach((kind, csv) -> {
			for (String dryRun : List.of("true", "false")) {
				Api.Response r = api.raw("POST", "/api/v1/" + kind + "/import?dryRun=" + dryRun, "text/csv",
						csv.getBytes(StandardCharsets.UTF_8));
				check("POST /api/v1/" + kind + "/import?dryRun=" + dryRun + " (U+0000 in cells)", true,
						new Reply(r.status(), String.valueOf(r.contentType()), r.body()), Expect.REFUSED, List.of("file"));
			}
		});
		assertNoFailures();
	}

	@Test
	void answersNotFoundForADirectRequestToTheErrorPath() {
		Api.Response fromApi = api.get("/error");
		assertThat(fromApi.status()).as(fromApi.body()).isEqualTo(404);
		WebSession.Page fromBrowser = web.get("/error");
		assertThat(fromBrowser.status()).as(fromBrowser.body()).isEqualTo(404);
		assertThat(Api.at(port).get("/error").status()).isEqualTo(404);
	}

	// ------------------------------------------------------------------ replaying and checking

	enum Expect {

		/** A 4xx with a reason, and nothing changed. */
		REFUSED,
		/** Accepted or refused, but never a 5xx; a refusal has a reason and changes nothing. */
		NOT_FAILED

	}

	record Reply(int status, String contentType, String body) {

		@Override
		public String toString() {
			if (contentType.startsWith("text/html")) {
				java.util.regex.Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(body);
				return status + " page \"" + (title.find() ? title.group(1).strip() : "") + "\"";
			}
			return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
		}

	}

	void replay(Endpoint e, Map<String, String> query, Expect expect) {
		replay(e, Map.of(), query, sampleBody(e), expect, List.of());
	}

	void replay(Endpoint e, Map<String, String> pathValues, Map<String, String> query, JsonNode body, Expect expect) {
		replay(e, pathValues, query, body, expect, List.of());
	}

	void replay(Endpoint e, Map<String, String> pathValues, Map<String, String> query, JsonNode body, Expect expect,
			String field) {
		replay(e, pathValues, query, body, expect, field == null ? List.of() : List.of(field));
	}

	void replay(Endpoint e, Map<String, String> pathValues, Map<String, String> query, JsonNode body, Expect expect,
			List<String> fields) {
		String path = fill(e, pathValues);
		Reply reply;
		if (e.api()) {
			String url = path + queryString(query);
			Api.Response r = switch (e.method()) {
				case "GET" -> api.get(url);
				case "DELETE" -> api.delete(url);
				default -> {
					if (e.multipart()) {
						yield sendMultipartParams(url, query);
					}
					if (e.consumes().contains("text/csv")) {
						yield api.raw(e.method(), url, "text/csv",
								"name,email\nIvan,ivan@example.com\n".getBytes(StandardCharsets.UTF_8));
					}
					if (e.consumes().contains("text/calendar")) {
						yield api.raw(e.method(), url, "text/calendar", ics());
					}
					yield api(e).raw(e.method(), url, "application/json",
							(body == null ? "{}" : body.toString()).getBytes(StandardCharsets.UTF_8));
				}
			};
			reply = new Reply(r.status(), String.valueOf(r.contentType()), r.body());
		}
		else {
			WebSession.Page p = e.method().equals("GET") ? web.get(path + queryString(query))
					: web.post(path, new LinkedHashMap<>(query));
			reply = new Reply(p.status(), String.valueOf(p.header("Content-Type")), p.body());
		}
		check(e + " " + query + (pathValues.isEmpty() ? "" : " " + pathValues), e.api(), reply, expect, fields);
	}

	Api.Response sendMultipartParams(String url, Map<String, String> query) {
		Multipart m = new Multipart();
		query.forEach(m::text);
		return api.raw("POST", url.replaceFirst("\\?.*", ""), m.contentType(), m.body());
	}

	void replayBody(Endpoint e, JsonNode shape, String leaf, String value, Expect expect, List<String> fields) {
		// A fresh sample each time: the version it carries is current and its unique values are unused.
		JsonNode changed = with(sampleBody(e), leaf, JsonNodeFactory.instance.stringNode(value));
		Supplier<String> label = () -> e + " body " + leaf + "=" + (value.length() > 40 ? value.length() + " chars"
				: value.replace("\u0000", "\\u0000"));
		sendBody(e, changed, label.get(), expect, fields);
	}

	void replayNumber(Endpoint e, JsonNode shape, String leaf, String huge) {
		// Written as a JSON number literal: numbers beyond long or double must not fail either.
		String json = with(sampleBody(e), leaf, JsonNodeFactory.instance.stringNode("@@huge@@")).toString()
			.replace("\"@@huge@@\"", huge);
		Api.Response r = api(e).raw(e.method(), fill(e, Map.of()), "application/json",
				json.getBytes(StandardCharsets.UTF_8));
		check(e + " body " + leaf + "=" + huge, true, new Reply(r.status(), String.valueOf(r.contentType()), r.body()),
				Expect.NOT_FAILED, List.of());
	}

	void sendBody(Endpoint e, JsonNode body, String label, Expect expect, List<String> fields) {
		Api.Response r = api(e).raw(e.method(), fill(e, Map.of()), "application/json",
				body.toString().getBytes(StandardCharsets.UTF_8));
		check(label, true, new Reply(r.status(), String.valueOf(r.contentType()), r.body()), expect, fields);
	}

	void submit(Element form, Map<String, List<String>> fields, Expect expect) {
		String action = form.attr("action");
		String method = form.attr("method").toUpperCase();
		String what = (method.isEmpty() ? "GET" : method) + " " + action + " form "
				+ fields.entrySet().stream().filter(f -> f.getValue().stream().anyMatch(v -> v.length() > 40 || v.contains("\u0000")))
					.map(Map.Entry::getKey).toList()
				+ (fields.values().stream().anyMatch(v -> v.contains(NUL)) ? " (U+0000)" : " (long)");
		WebSession.Page page;
		if (!method.equals("POST")) {
			StringBuilder q = new StringBuilder();
			fields.forEach((k, vs) -> vs.forEach(v -> q.append(q.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v))));
			page = web.get(action + q);
		}
		else if (form.attr("enctype").equalsIgnoreCase("multipart/form-data")) {
			Multipart m = new Multipart();
			fields.forEach((k, vs) -> vs.forEach(v -> m.text(k, v)));
			for (Element file : form.select("input[type=file][name]")) {
				m.file(file.attr("name"), "note.txt", "text/plain", "a note".getBytes(StandardCharsets.UTF_8));
			}
			if (!fields.containsKey("_csrf")) {
				m.text("_csrf", web.csrfToken());
			}
			page = web.postMultipart(action, m.contentType(), m.body());
		}
		else {
			Map<String, Object> flat = new LinkedHashMap<>();
			fields.forEach((k, vs) -> flat.put(k, vs.size() == 1 ? vs.get(0) : vs));
			page = web.post(action, flat);
		}
		check(what, false, new Reply(page.status(), String.valueOf(page.header("Content-Type")), page.body()), expect,
				List.of());
	}

	void uploadReplay(Endpoint e, Multipart m, boolean truncated, Expect expect) {
		String path = fill(e, Map.of());
		byte[] body = truncated ? m.truncatedBody() : m.body();
		Reply reply;
		if (e.api()) {
			Api.Response r = api.raw("POST", path, m.contentType(), body);
			reply = new Reply(r.status(), String.valueOf(r.contentType()), r.body());
		}
		else {
			WebSession.Page p = web.postMultipart(path, m.contentType(), body);
			reply = new Reply(p.status(), String.valueOf(p.header("Content-Type")), p.body());
		}
		check(e + " multipart" + (truncated ? " cut short" : "") + " " + new String(body, StandardCharsets.UTF_8)
			.lines().filter(l -> l.startsWith("Content-")).toList(), e.api(), reply, expect, List.of());
	}

	void check(String what, boolean apiCall, Reply r, Expect expect, List<String> fields) {
		replayed++;
		if (r.status() >= 500) {
			failures.add(what + " -> " + r);
			settle();
			return;
		}
		boolean refused = r.status() >= 400;
		if (!refused) {
			if (expect == Expect.REFUSED) {
				failures.add(what + " was accepted -> " + r);
			}
			settle();
			return;
		}
		if (apiCall) {
			if (!r.contentType().startsWith("application/problem+json")) {
				failures.add(what + " -> " + r.status() + " without problem+json: " + r.contentType() + " " + r);
			}
			else {
				JsonNode problem = Api.json(r.body());
				boolean hasDetail = problem.hasNonNull("detail") && !problem.get("detail").asString().isBlank();
				if (!hasDetail) {
					failures.add(what + " -> " + r.status() + " without a reason: " + r);
				}
				List<String> named = problem.get("errors") == null ? List.of()
						: problem.get("errors").findValuesAsString("field");
				if (!named.containsAll(fields)) {
					failures.add(what + " -> " + r.status() + " does not name the fields " + fields + ": " + r);
				}
			}
		}
		else if (!(r.body().contains("id=\"error-reason\"") || r.body().contains("invalid-feedback")
				|| r.body().contains("alert-danger"))) {
			failures.add(what + " -> " + r.status() + " without a reason on the page");
		}
		checkUnchanged(what, r.status());
	}

	void checkUnchanged(String what, int status) {
		if (status < 400) {
			settle();
			return;
		}
		Map<String, String> now = fingerprint.take();
		List<String> changed = DatabaseFingerprint.changed(lastFingerprint, now);
		if (!changed.isEmpty()) {
			failures.add(what + " -> " + status + " but changed " + changed);
		}
		lastFingerprint = now;
	}

	/**
	 * After an accepted request the database may have changed, also by the reactions it set off (clocks,
	 * notifications): once they ran, that is the new state to compare with.
	 */
	void settle() {
		reactions.settle();
		lastFingerprint = fingerprint.take();
	}

	void assertNoFailures() {
		assertThat(failures).as(failures.size() + " of " + replayed + " replayed requests went wrong:\n"
				+ String.join("\n", failures)).isEmpty();
	}

	// ------------------------------------------------------------------ what a valid request looks like

	String fill(Endpoint e, Map<String, String> values) {
		String[] segments = e.path().split("/");
		StringBuilder path = new StringBuilder();
		for (int i = 1; i < segments.length; i++) {
			String previous = segments[i - 1];
			java.util.regex.Matcher m = Pattern.compile("\\{(\\w+)}").matcher(segments[i]);
			StringBuilder segment = new StringBuilder();
			while (m.find()) {
				String name = m.group(1);
				String value = values.containsKey(name) ? values.get(name) : String.valueOf(idFor(name, previous, e.path()));
				m.appendReplacement(segment, java.util.regex.Matcher.quoteReplacement(value));
			}
			m.appendTail(segment);
			path.append('/').append(segment);
		}
		return path.toString();
	}

	Object idFor(String variable, String previous, String pattern) {
		return switch (variable) {
			case "attachmentId" -> ids.get("attachment");
			case "date" -> ids.get("day");
			case "format" -> "csv";
			case "planId" -> ids.get("plan");
			case "key" -> "workload";
			default -> switch (previous) {
				case "tickets" -> ids.get("ticket");
				case "contacts", "contact" -> ids.get("contact");
				case "organizations", "organization" -> ids.get("organization");
				case "calendars" -> ids.get("calendar");
				case "plans" -> ids.get("plan");
				// Never the signed-in admin: a change that is accepted must not lock the test out.
				case "users" -> agent.id();
				case "groups" -> group.id();
				case "notifications" -> ids.get("notification");
				case "customer-attributes" -> ids.get("attribute");
				default -> 1;
			};
		};
	}

	Map<String, String> validQuery(Endpoint e) {
		Map<String, String> query = new LinkedHashMap<>();
		for (Param p : e.query()) {
			if (!p.required()) {
				continue;
			}
			Class<?> t = p.type();
			String value;
			if (t == Instant.class) {
				value = p.name().equals("to") ? "2026-01-06T09:00:00Z" : "2026-01-05T09:00:00Z";
			}
			else if (t == LocalDate.class) {
				value = p.name().equals("to") ? "2026-02-01" : "2026-01-05";
			}
			else if (p.numeric()) {
				value = p.name().equals("minutes") ? "60" : "1";
			}
			else {
				value = "x";
			}
			query.put(p.name(), value);
		}
		return query;
	}

	static boolean hasParam(Endpoint e, String name) {
		return e.query().stream().anyMatch(p -> p.name().equals(name));
	}

	static boolean isTime(Class<?> type) {
		return type == LocalDate.class || type == Instant.class || type == LocalDateTime.class
				|| type == OffsetDateTime.class || type == ZonedDateTime.class;
	}

	static List<String> farTimes(Param p) {
		if (p.type() == LocalDate.class) {
			return FAR_DATES;
		}
		if (isTime(p.type())) {
			return FAR_INSTANTS;
		}
		if (p.text() && Set.of("from", "to", "date", "day").contains(p.name())) {
			List<String> all = new ArrayList<>(FAR_DATES);
			all.addAll(FAR_LOCAL_TIMES);
			all.addAll(FAR_INSTANTS);
			return all;
		}
		return List.of();
	}

	/** A body the endpoint accepts (as far as this test knows it), or one made from the body's declared type. */
	JsonNode sampleBody(Endpoint e) {
		if (!e.jsonBody()) {
			return null;
		}
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Object body = switch (e.method() + " " + e.path()) {
			case "POST /api/v1/tickets" -> ticketBody(unique);
			case "PATCH /api/v1/tickets/{id}" -> Map.of("subject", "Changed subject", "tags", List.of("changed"),
					"customFields", Map.of(), "version", version("/api/v1/tickets/" + ids.get("ticket")));
			case "POST /api/v1/tickets/{id}/messages" -> Map.of("body", "Thank you", "public", true);
			case "POST /api/v1/tickets/{id}/links" -> Map.of("ticketId", ids.get("otherTicket"), "kind", "related");
			case "POST /api/v1/tickets/{id}/follow-ups" -> Map.of("subject", "Follow-up", "body", "Checking in");
			case "POST /api/v1/tickets/{id}/merge", "POST /api/v1/contacts/{id}/merge" -> Map.of("intoId", 987654321);
			case "POST /api/v1/contacts" -> contactBody(unique);
			case "PATCH /api/v1/contacts/{id}" -> withVersion(contactBody(unique), "/api/v1/contacts/" + ids.get("contact"));
			case "POST /api/v1/contacts/{id}/interactions", "POST /api/v1/organizations/{id}/interactions" -> Map.of(
					"kind", "CALL", "summary", "Asked about the renewal", "durationMinutes", 12, "occurredAt",
					"2026-01-05T09:00:00Z");
			case "POST /api/v1/organizations" -> organizationBody(unique);
			case "PATCH /api/v1/organizations/{id}" -> withVersion(organizationBody(unique),
					"/api/v1/organizations/" + ids.get("organization"));
			case "POST /api/v1/customer-attributes" -> Map.of("target", "CONTACT", "key", "k" + unique, "label",
					"Label " + unique, "type", "CHOICE", "options", List.of("gold", "silver"));
			case "POST /api/v1/calendars" -> calendarBody(unique);
			case "PUT /api/v1/calendars/{id}" -> withVersion(calendarBody(unique), "/api/v1/calendars/" + ids.get("calendar"));
			case "PUT /api/v1/calendars/{id}/days/{date}" -> Map.of("kind", "holiday", "name", "Founders' day", "hours",
					List.of());
			case "POST /api/v1/plans" -> planBody(unique);
			case "PUT /api/v1/plans/{id}" -> withVersion(planBody(unique), "/api/v1/plans/" + ids.get("plan"));
			case "PUT /api/v1/breaches/{id}/reason" -> Map.of("reasonKey", "workload", "note", "Busy", "version", 0);
			case "POST /api/v1/tokens" -> Map.of("name", "token " + unique, "scopes", List.of("read"));
			default -> fromType(e.bodyType(), 0);
		};
		return Api.json(Api.toJson(body));
	}

	/** Whether the test knows a valid body (numbers are replayed only there: a made-up body might be accepted). */
	static boolean hasSample(Endpoint e) {
		return SAMPLED.contains(e.method() + " " + e.path());
	}

	Api api(Endpoint e) {
		return e.path().equals("/api/v1/tokens") && e.method().equals("POST")
				? Api.at(port).withBasic(admin.email(), TestUsers.PASSWORD) : api;
	}

	Map<String, Object> ticketBody(String unique) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", "Parcel damaged " + unique);
		body.put("body", "The parcel arrived damaged.");
		body.put("type", "complaint");
		body.put("priority", "high");
		body.put("requester", Map.of("email", "requester-" + unique + "@example.com", "name", "Ivan Petrov"));
		body.put("groupId", group.id());
		body.put("tags", List.of("shipping"));
		body.put("channel", "email");
		return body;
	}

	Map<String, Object> contactBody(String unique) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Мария " + unique);
		body.put("latinName", "Mariya " + unique);
		body.put("email", "mariya-" + unique + "@example.com");
		body.put("emails", List.of("m2-" + unique + "@example.com"));
		body.put("phone", "+359 2 " + (1000000 + Math.abs(unique.hashCode() % 8999999)));
		body.put("language", "bg");
		body.put("lifecycleStage", "customer");
		body.put("valuesMost", "Fast answers");
		body.put("personalNotes", "Prefers e-mail");
		body.put("tags", List.of("vip"));
		if (ids.containsKey("organization")) {
			body.put("organizationId", ids.get("organization"));
		}
		if (ids.containsKey("attributeKey")) {
			body.put("attributes", Map.of(ids.get("attributeKey"), "gold"));
		}
		return body;
	}

	static Map<String, Object> organizationBody(String unique) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Acme " + unique);
		body.put("latinName", "Acme Latin " + unique);
		body.put("domain", "acme-" + unique + ".example");
		body.put("language", "en");
		body.put("valuesMost", "Punctuality");
		body.put("notes", "Pays on time");
		body.put("tags", List.of("wholesale"));
		return body;
	}

	static Map<String, Object> calendarBody(String unique) {
		Map<String, Object> hours = new LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			hours.put(day, List.of(List.of("09:00", "17:00")));
		}
		return new LinkedHashMap<>(Map.of("name", "Office " + unique, "timeZone", "Europe/Sofia", "workingHours", hours));
	}

	Map<String, Object> planBody(String unique) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Gold " + unique);
		body.put("description", "Answers within a day");
		body.put("calendarId", ids.get("calendar"));
		body.put("pendingCustomerPauses", List.of("first_response"));
		body.put("targets", List.of(Map.of("priority", "NORMAL", "firstResponseMinutes", 6000, "nextUpdateMinutes",
				6000, "resolutionMinutes", 60000)));
		body.put("escalations", List.of(Map.of("trigger", "breached", "commitment", "first_response", "raisePriority",
				"high")));
		return body;
	}

	Map<String, Object> withVersion(Map<String, Object> body, String path) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put("version", version(path));
		return copy;
	}

	long version(String path) {
		return api.get(path).json().get("version").asLong();
	}

	/** A body from a record's components (strings, numbers, lists, nested records), for endpoints without a sample. */
	static Object fromType(Class<?> type, int depth) {
		if (type == null || depth > 3) {
			return null;
		}
		if (type == String.class) {
			return "Sample";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return 1;
		}
		if (type == Boolean.class || type == boolean.class) {
			return false;
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type.isRecord()) {
			Map<String, Object> body = new LinkedHashMap<>();
			for (RecordComponent c : type.getRecordComponents()) {
				Object value;
				if (List.class.isAssignableFrom(c.getType()) && c.getGenericType() instanceof ParameterizedType pt
						&& pt.getActualTypeArguments()[0] instanceof Class<?> element) {
					value = List.of(String.valueOf(fromType(element, depth + 1)).equals("null") ? "Sample"
							: fromType(element, depth + 1));
				}
				else {
					value = fromType(c.getType(), depth + 1);
				}
				if (value != null) {
					body.put(c.getName(), value);
				}
			}
			return body;
		}
		return Map.of("name", "Sample");
	}

	Multipart multipart(Endpoint e) {
		Multipart m = new Multipart();
		if (!e.api()) {
			// As a browser sends it: the CSRF token is a part of the body, so the security filter reads the parts.
			m.text("_csrf", web.csrfToken());
		}
		if (e.path().contains("messages")) {
			m.text("body", "See the attachment");
		}
		return m;
	}

	static byte[] ics() {
		return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\n"
				+ "DTSTART;VALUE=DATE:20310101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** What a browser would send for the form as rendered, with plausible text in empty fields. */
	static Map<String, List<String>> baseline(Element form) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		Set<String> radios = new LinkedHashSet<>();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String name = input.attr("name");
			String type = input.attr("type").toLowerCase();
			String value;
			if (input.tagName().equals("select")) {
				Element chosen = input.selectFirst("option[selected]");
				if (chosen == null) {
					chosen = input.select("option").stream().filter(o -> !o.attr("value").isEmpty()).findFirst().orElse(null);
				}
				if (chosen == null) {
					continue;
				}
				value = chosen.attr("value");
			}
			else if (input.tagName().equals("textarea")) {
				value = input.text().isEmpty() ? "Some text " + unique : input.text();
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				if (!input.hasAttr("checked") && !(type.equals("radio") && radios.add(name))) {
					continue;
				}
				value = input.attr("value").isEmpty() ? "on" : input.attr("value");
			}
			else if (Set.of("submit", "button", "file", "reset", "image").contains(type)) {
				continue;
			}
			else if (!input.attr("value").isEmpty() || type.equals("hidden")) {
				value = input.attr("value");
			}
			else {
				value = switch (type) {
					case "email" -> "form-" + unique + "@example.com";
					case "number" -> "1";
					case "date" -> "2031-01-07";
					case "time" -> "09:00";
					case "datetime-local" -> "2031-01-07T09:00";
					case "password" -> "Correct-horse-battery-9" + unique;
					case "tel" -> "+359 2 981 " + unique.substring(0, 4).replaceAll("\\D", "1");
					case "url" -> "https://example.com/" + unique;
					default -> name.toLowerCase().contains("email") ? "form-" + unique + "@example.com" : "Sample " + unique;
				};
			}
			fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
		}
		return fields;
	}

	static Map<String, List<String>> with(Map<String, List<String>> fields, String name, String value) {
		Map<String, List<String>> copy = new LinkedHashMap<>(fields);
		copy.put(name, List.of(value));
		return copy;
	}

	/** Paths of every leaf (string or number) in a JSON tree: {@code requester.name}, {@code tags[0]}. */
	static List<String> leaves(JsonNode node, String path) {
		List<String> found = new ArrayList<>();
		if (node == null) {
			return found;
		}
		if (node.isObject()) {
			for (var entry : node.properties()) {
				found.addAll(leaves(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey()));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				found.addAll(leaves(node.get(i), path + "[" + i + "]"));
			}
		}
		else if (node.isString() || node.isNumber()) {
			found.add(path);
		}
		return found;
	}

	static JsonNode at(JsonNode root, String path) {
		JsonNode node = root;
		for (String step : steps(path)) {
			node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
		}
		return node;
	}

	static JsonNode with(JsonNode root, String path, JsonNode value) {
		JsonNode copy = root.deepCopy();
		List<String> steps = steps(path);
		JsonNode parent = copy;
		for (String step : steps.subList(0, steps.size() - 1)) {
			parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1))) : parent.get(step);
		}
		String last = steps.get(steps.size() - 1);
		if (last.startsWith("[")) {
			((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
		return copy;
	}

	static List<String> steps(String path) {
		List<String> steps = new ArrayList<>();
		for (String part : path.split("\\.")) {
			int bracket = part.indexOf('[');
			if (bracket < 0) {
				steps.add(part);
				continue;
			}
			if (bracket > 0) {
				steps.add(part.substring(0, bracket));
			}
			java.util.regex.Matcher m = Pattern.compile("\\[\\d+]").matcher(part.substring(bracket));
			while (m.find()) {
				steps.add(m.group());
			}
		}
		return steps;
	}

	static long created(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	static String queryString(Map<String, String> query) {
		StringBuilder q = new StringBuilder();
		query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
		return q.toString();
	}

	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
