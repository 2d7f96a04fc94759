package app.rapport.customer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.StatementCounter;
import app.rapport.support.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class CustomerImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	app.rapport.support.Reactions reactions;

	@Autowired
	TestUsers testUsers;

	@Autowired
	CustomerImport imports;

	@Autowired
	ImportJobs jobs;

	UserSummary agentUser;

	Api agent;

	@BeforeEach
	void signIn() {
		agentUser = testUsers.user(Role.AGENT);
		agent = Api.at(port).withToken(testUsers.token(agentUser, "read", "write"));
	}

	static String uid() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A phone number nobody else in the test database has. */
	static String phone() {
		return String.format("+359 88 %03d %04d", ThreadLocalRandom.current().nextInt(1000), ThreadLocalRandom.current().nextInt(10000));
	}

	static byte[] utf8(String csv) {
		return csv.getBytes(StandardCharsets.UTF_8);
	}

	Api.Response startImport(Api api, String target, byte[] file) {
		return api.raw("POST", "/api/v1/" + target + "/import?dryRun=false", "text/csv", file);
	}

	@Test
	void importsInTheBackgroundAndShowsTheJobOnlyToWhoeverStartedIt() {
		String id = uid();
		String csv = "name,email,tags\nEmil " + id + ",emil-" + id + "@example.bg,bg\nBad " + id + ",not-an-address,\n";
		Api.Response accepted = startImport(agent, "contacts", utf8(csv));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String jobId = accepted.json().get("id").asString();
		assertThat(accepted.header("Location")).endsWith("/api/v1/contacts/imports/" + jobId);
		assertThat(accepted.json().get("target").asString()).isEqualTo("CONTACTS");
		assertThat(accepted.json().get("charset").asString()).isEqualTo("UTF-8");

		JsonNode job = ImportJobPolling.finished(agent, accepted);
		assertThat(job.get("state").asString()).isEqualTo("DONE");
		assertThat(job.get("rows").asInt()).isEqualTo(2);
		assertThat(job.get("rowsToWrite").asInt()).isEqualTo(1);
		assertThat(job.get("rowsWritten").asInt()).isEqualTo(1);
		assertThat(job.get("finishedAt").isNull()).isFalse();
		JsonNode report = job.get("report");
		assertThat(report.get("dryRun").asBoolean()).isFalse();
		assertThat(report.get("created").asInt()).isEqualTo(1);
		assertThat(report.get("invalidRows").asInt()).isEqualTo(1);
		assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(report.get("problems").get(0).get("code").asString()).isEqualTo("invalidEmail");
		assertThat(agent.get("/api/v1/contacts?q=emil-" + id).json().get("total").asLong()).isEqualTo(1);

		// The same user with a read-only token may follow it; nobody else learns it exists.
		Api readOnly = Api.at(port).withToken(testUsers.token(agentUser, "read"));
		assertThat(readOnly.get("/api/v1/contacts/imports/" + jobId).status()).isEqualTo(200);
		Api otherAgent = Api.at(port).withToken(testUsers.token(testUsers.user(Role.AGENT), "read", "write"));
		assertThat(otherAgent.get("/api/v1/contacts/imports/" + jobId).status()).isEqualTo(404);
		assertThat(agent.get("/api/v1/organizations/imports/" + jobId).status()).isEqualTo(404);
		assertThat(agent.get("/api/v1/contacts/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(Api.at(port).get("/api/v1/contacts/imports/" + jobId).status()).isEqualTo(401);
		Api analyst = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ANALYST), "read"));
		assertThat(startImport(analyst, "contacts", utf8(csv)).status()).isEqualTo(403);
	}

	@Test
	void refusesAFileItCannotReadBeforeStartingAnything() {
		String id = uid();
		byte[] cyrillic = ("name,email\nИван " + id + ",ivan-" + id + "@example.bg\n").getBytes(Charset.forName("windows-1251"));
		Api.Response wrongCharset = agent.raw("POST", "/api/v1/contacts/import?dryRun=false&charset=UTF-8", "text/csv", cyrillic);
		assertThat(wrongCharset.status()).isEqualTo(400);
		assertThat(wrongCharset.contentType()).startsWith("application/problem+json");
		assertThat(wrongCharset.body()).contains("charset").contains("not valid UTF-8");
		Api.Response unknownCharset = agent.raw("POST", "/api/v1/organizations/import?dryRun=false&charset=EBCDIC", "text/csv", cyrillic);
		assertThat(unknownCharset.status()).isEqualTo(400);
		assertThat(startImport(agent, "contacts", new byte[0]).status()).isEqualTo(400);
		assertThat(agent.get("/api/v1/contacts?q=ivan-" + id).json().get("total").asLong()).isZero();
	}

	@Test
	void importsOrganizationsInTheBackgroundToo() {
		String id = uid();
		String csv = "name,domain,kind\nСофия Логистик " + id + ",sofialog-" + id + ".bg,COMPANY\nBad " + id + ",not a domain,\n";
		JsonNode report = ImportJobPolling.report(agent, startImport(agent, "organizations", utf8(csv)));
		assertThat(report.get("created").asInt()).isEqualTo(1);
		assertThat(report.get("problems").get(0).get("code").asString()).isEqualTo("invalidDomain");
		JsonNode created = agent.get("/api/v1/organizations?q=sofialog-" + id).json().get("items").get(0);
		assertThat(created.get("name").asString()).isEqualTo("София Логистик " + id);

		// Names are compared case-insensitively, by the organizations' import and by the contacts' one.
		Api.Response again = agent.raw("POST", "/api/v1/organizations/import", "text/csv", utf8("name\nСОФИЯ ЛОГИСТИК " + id + "\n"));
		assertThat(again.json().get("problems").get(0).get("code").asString()).isEqualTo("duplicateExisting");
		JsonNode contact = ImportJobPolling.report(agent, startImport(agent, "contacts",
				utf8("name,email,organization\nДимитър " + id + ",dimitar-" + id + "@example.bg,софия логистик " + id + "\n")));
		assertThat(contact.get("created").asInt()).isEqualTo(1);
		assertThat(agent.get("/api/v1/organizations/" + created.get("id").asLong()).json().get("contactCount").asLong()).isEqualTo(1);
	}

	@Test
	void checksAndWritesAThousandRowsInAHandfulOfQueriesNotSomePerRow() {
		String id = uid();
		String orgName = "Handful " + id;
		agent.post("/api/v1/organizations", Map.of("name", orgName, "domain", "handful-" + id + ".example.com"));
		StringBuilder csv = new StringBuilder("name,email,phone,organization\n");
		for (int i = 0; i < 1000; i++) {
			csv.append("Row ").append(i).append(' ').append(id).append(",row").append(i).append('-').append(id)
				.append("@example.com,+1 555 ").append(id.hashCode() & 0xFFF).append(' ').append(String.format("%05d", i))
				.append(',').append(orgName).append('\n');
		}
		byte[] file = utf8(csv.toString());

		int before = StatementCounter.selectsOnThisThread();
		ImportReport dryRun = imports.dryRun(ImportTarget.CONTACTS, file, null);
		int dryRunQueries = StatementCounter.selectsOnThisThread() - before;
		assertThat(dryRun.validRows()).as(dryRun.problems().toString()).isEqualTo(1000);
		// Attribute definitions, the organization, the e-mails and the phones: a query each.
		assertThat(dryRunQueries).isLessThanOrEqualTo(10);

		int writesBefore = StatementCounter.selects("customer-import-");
		JsonNode report = ImportJobPolling.report(agent, startImport(agent, "contacts", file));
		assertThat(report.get("created").asInt()).isEqualTo(1000);
		assertThat(StatementCounter.selects("customer-import-") - writesBefore).isLessThanOrEqualTo(15);
		assertThat(agent.get("/api/v1/organizations?q=handful-" + id).json().get("items").get(0).get("contactCount").asLong())
			.isEqualTo(1000);
	}

	@Test
	void everyContactOfABigImportIsSearchableThoughItIsWrittenInBatches() {
		String id = uid();
		int rows = CustomerImport.BATCH * 2 + 1;
		StringBuilder csv = new StringBuilder("name,email\n");
		for (int i = 0; i < rows; i++) {
			csv.append("Batchrow").append(i).append("x").append(id).append(",batch").append(i).append('-').append(id)
				.append("@example.com\n");
		}
		JsonNode report = ImportJobPolling.report(agent, startImport(agent, "contacts", utf8(csv.toString())));
		assertThat(report.get("created").asInt()).isEqualTo(rows);
		for (int i : List.of(0, CustomerImport.BATCH - 1, CustomerImport.BATCH, rows - 1)) {
			String name = "Batchrow" + i + "x" + id;
			reactions.settle();
			JsonNode hits = agent.get("/api/v1/search?q=" + name).json();
			assertThat(hits.toString()).as("search for " + name).contains(name);
		}
	}

	@Test
	void readsABig5FileAsBig5AndKeepsTheTraditionalNames() {
		String id = uid();
		String csv = "name,email,personal_notes\n陳美玲,chen-" + id + "@example.tw,住在臺北市\n林志明,lin-" + id + "@example.tw,高雄市\n";
		byte[] file = csv.getBytes(Charset.forName("Big5"));
		Api.Response dryRun = agent.raw("POST", "/api/v1/contacts/import", "text/csv", file);
		assertThat(dryRun.json().get("charset").asString()).isEqualTo("Big5");
		JsonNode report = ImportJobPolling.report(agent, startImport(agent, "contacts", file));
		assertThat(report.get("charset").asString()).isEqualTo("Big5");
		assertThat(report.get("created").asInt()).isEqualTo(2);
		JsonNode chen = agent.get("/api/v1/contacts?q=chen-" + id).json().get("items").get(0);
		assertThat(chen.get("name").asString()).isEqualTo("陳美玲");
		assertThat(chen.get("personalNotes").asString()).isEqualTo("住在臺北市");
	}

	@Test
	void anExportImportsBackUnchangedWithEveryFieldOfContactsAndOrganizations() throws IOException {
		String id = uid();
		String tag = "rt-" + id;
		Api admin = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "write", "admin"));
		List<Long> definitions = new ArrayList<>();
		String tier = "tier_" + id, since = "since_" + id, score = "score_" + id, size = "size_" + id, code = "code_" + id;
		definitions.add(define(admin, "CONTACT", tier, "Tier " + id, "CHOICE", List.of("Gold", "Silver")));
		definitions.add(define(admin, "CONTACT", since, "Since " + id, "DATE", List.of()));
		definitions.add(define(admin, "CONTACT", score, "Score " + id, "NUMBER", List.of()));
		definitions.add(define(admin, "ORGANIZATION", size, "Size " + id, "NUMBER", List.of()));
		definitions.add(define(admin, "ORGANIZATION", code, "Code " + id, "TEXT", List.of()));
		try {
			String orgName = "=Evil Org " + id;
			Map<String, Object> org = new LinkedHashMap<>();
			org.put("name", orgName);
			org.put("latinName", "+Latin Org");
			org.put("domain", "evil-" + id + ".example.bg");
			org.put("kind", "INTERNAL");
			org.put("lifecycleStage", "LAPSED");
			org.put("language", "bg");
			org.put("valuesMost", "'=quoted by the user");
			org.put("notes", "-Line one\nLine two, with a comma; \"quotes\"");
			org.put("tags", List.of(tag, "@vip"));
			org.put("attributes", Map.of(size, "-5", code, "@home"));
			Api.Response createdOrg = agent.post("/api/v1/organizations", org);
			assertThat(createdOrg.status()).as(createdOrg.body()).isEqualTo(201);
			long orgId = createdOrg.json().get("id").asLong();

			Map<String, Object> full = new LinkedHashMap<>();
			full.put("name", "=HYPERLINK(\"http://x\") " + id);
			full.put("latinName", "-Ivan Petrov");
			// Primary "b…", then "a…": the export must keep the primary first although "a…" sorts first.
			full.put("email", "b-" + id + "@example.bg");
			full.put("emails", List.of("a-" + id + "@example.bg"));
			full.put("phones", List.of(phone(), "+86 (138) " + String.format("%04d", ThreadLocalRandom.current().nextInt(10000)) + "-8000"));
			full.put("language", "zh-TW");
			full.put("preferredChannel", "WEB_FORM");
			full.put("lifecycleStage", "PROSPECT");
			full.put("organizationId", orgId);
			full.put("organizationRole", "PAYER");
			full.put("valuesMost", "@Speed");
			full.put("personalNotes", "陳美玲 likes tea\n\tand \"quiet\" calls; +1");
			full.put("tags", List.of(tag, "+plus", "Ключов клиент"));
			full.put("attributes", Map.of(tier, "Silver", since, "2024-02-29", score, "-12.5"));
			Api.Response createdFull = agent.post("/api/v1/contacts", full);
			assertThat(createdFull.status()).as(createdFull.body()).isEqualTo(201);
			Api.Response createdPlain = agent.post("/api/v1/contacts",
					Map.of("name", "Иван Петров " + id, "phone", phone(), "tags", List.of(tag)));
			assertThat(createdPlain.status()).as(createdPlain.body()).isEqualTo(201);
			JsonNode fullBefore = createdFull.json();
			JsonNode plainBefore = createdPlain.json();
			JsonNode orgBefore = agent.get("/api/v1/organizations/" + orgId).json();

			String contactsCsv = agent.getText("/api/v1/contacts/export?format=csv&tag=" + tag).body();
			String organizationsCsv = agent.getText("/api/v1/organizations/export?format=csv&tag=" + tag).body();
			// Phone numbers leave as written; formulas leave neutralised.
			assertThat(contactsCsv).contains(fullBefore.get("phones").get(0).asString()).contains("'=HYPERLINK(")
				.doesNotContain("'+359").doesNotContain("'+86");
			assertThat(organizationsCsv).contains("'=Evil Org").contains("''=quoted by the user");

			// A fresh state: the originals keep their data but no longer collide with the file.
			assertThat(agent.patch("/api/v1/organizations/" + orgId, Map.of("name", orgName + " (old)", "tags", List.of()), Map.of())
				.status()).isEqualTo(200);
			for (JsonNode c : List.of(fullBefore, plainBefore)) {
				assertThat(agent.patch("/api/v1/contacts/" + c.get("id").asLong(),
						Map.of("emails", List.of(), "phones", List.of(), "tags", List.of()), Map.of()).status()).isEqualTo(200);
			}

			JsonNode orgReport = ImportJobPolling.report(agent, startImport(agent, "organizations", utf8(organizationsCsv)));
			assertThat(orgReport.get("problems").toString()).isEqualTo("[]");
			assertThat(orgReport.get("created").asInt()).isEqualTo(1);
			JsonNode contactReport = ImportJobPolling.report(agent, startImport(agent, "contacts", utf8(contactsCsv)));
			assertThat(contactReport.get("problems").toString()).isEqualTo("[]");
			assertThat(contactReport.get("created").asInt()).isEqualTo(2);

			// Exported again, the imported ones give the same file but for their ids.
			assertThat(rows(agent.getText("/api/v1/contacts/export?format=csv&tag=" + tag).body()))
				.isEqualTo(rows(contactsCsv));
			assertThat(rows(agent.getText("/api/v1/organizations/export?format=csv&tag=" + tag).body()))
				.isEqualTo(rows(organizationsCsv));

			// And field by field through the API.
			JsonNode orgAfter = agent.get("/api/v1/organizations?tag=" + tag).json().get("items").get(0);
			assertThat(orgAfter.get("id").asLong()).isNotEqualTo(orgId);
			for (String field : List.of("name", "latinName", "domain", "kind", "lifecycleStage", "language", "valuesMost", "notes",
					"attributes")) {
				assertThat(orgAfter.get(field)).as(field).isEqualTo(orgBefore.get(field));
			}
			assertThat(set(orgAfter.get("tags"))).isEqualTo(set(orgBefore.get("tags")));
			JsonNode contactsAfter = agent.get("/api/v1/contacts?tag=" + tag).json().get("items");
			assertThat(contactsAfter.size()).isEqualTo(2);
			for (JsonNode before : List.of(fullBefore, plainBefore)) {
				JsonNode after = contactsAfter.get(0).get("name").equals(before.get("name")) ? contactsAfter.get(0) : contactsAfter.get(1);
				assertThat(after.get("id").asLong()).isNotEqualTo(before.get("id").asLong());
				for (String field : List.of("name", "latinName", "primaryEmail", "language", "preferredChannel", "lifecycleStage",
						"organizationName", "organizationRole", "valuesMost", "personalNotes", "attributes")) {
					assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
				}
				for (String field : List.of("emails", "phones", "tags")) {
					assertThat(set(after.get(field))).as(field).isEqualTo(set(before.get(field)));
				}
			}
			JsonNode fullAfter = contactsAfter.get(0).get("name").equals(fullBefore.get("name")) ? contactsAfter.get(0)
					: contactsAfter.get(1);
			assertThat(fullAfter.get("organizationId").asLong()).isEqualTo(orgAfter.get("id").asLong());
		}
		finally {
			definitions.forEach(d -> admin.delete("/api/v1/customer-attributes/" + d));
		}
	}

	long define(Api admin, String target, String key, String label, String type, List<String> options) {
		Api.Response r = admin.post("/api/v1/customer-attributes",
				Map.of("target", target, "key", key, "label", label, "type", type, "options", options));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	/** The rows of an export by column, without the id column; multi-valued cells as sets (the database keeps no order). */
	static List<Map<String, Object>> rows(String csv) throws IOException {
		String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		List<Map<String, Object>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.DEFAULT.builder().setHeader().get())) {
			for (CSVRecord record : parser) {
				Map<String, Object> row = new LinkedHashMap<>();
				record.toMap().forEach((column, value) -> {
					if (!"id".equals(column)) {
						row.put(column, value.contains("; ") && !value.contains("\n") ? new TreeSet<>(List.of(value.split("; "))) : value);
					}
				});
				rows.add(row);
			}
		}
		return rows;
	}

	static TreeSet<String> set(JsonNode array) {
		TreeSet<String> values = new TreeSet<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
