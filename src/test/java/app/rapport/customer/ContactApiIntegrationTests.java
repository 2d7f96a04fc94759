package app.rapport.customer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.audit.AuditTrail;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
@Import(ContactApiIntegrationTests.MergeListener.class)
class ContactApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	MergeListener mergeListener;

	Api agent;

	@BeforeEach
	void signIn() {
		agent = Api.at(port).withToken(testUsers.token(testUsers.user(Role.AGENT), "read", "write"));
	}

	static String unique(String local) {
		return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	long createContact(String name, String email) {
		Api.Response r = agent.post("/api/v1/contacts", Map.of("name", name, "email", email));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	@Test
	void createsAContactWithTheMinimumContractAndReadsItWithAnEtag() {
		String email = unique("wang.xiaoming");
		Api.Response created = agent.post("/api/v1/contacts",
				Map.of("name", "王小明", "email", email.toUpperCase(), "phone", "+86 138 0013 8000", "language", "zh-CN"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/v1/contacts/" + id);

		Api.Response read = agent.get("/api/v1/contacts/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
		assertThat(read.json().get("name").asString()).isEqualTo("王小明");
		assertThat(read.json().get("primaryEmail").asString()).isEqualTo(email);
		assertThat(read.json().get("language").asString()).isEqualTo("zh-CN");
		assertThat(read.json().get("lifecycleStage").asString()).isEqualTo("CUSTOMER");
		assertThat(auditTrail.history(AuditTrail.CONTACT, id, PageRequest.of(0, 50)).getContent())
			.extracting(e -> e.field())
			.contains("created", "emails", "phones");
	}

	@Test
	void refusesBadInputWithClearReasonsAndChangesNothing() {
		Api.Response malformed = agent.post("/api/v1/contacts", "{\"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		Api.Response badEmail = agent.post("/api/v1/contacts", Map.of("name", "Ivan", "email", "ivan-at-example"));
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(badEmail.json().get("detail").asString()).contains("not a valid e-mail address");

		Api.Response noName = agent.post("/api/v1/contacts", Map.of("email", unique("noname")));
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

		Api.Response unknownOrg = agent.post("/api/v1/contacts",
				Map.of("name", "Ghost", "email", unique("ghost"), "organizationId", 987654321));
		assertThat(unknownOrg.status()).isEqualTo(400);
		assertThat(unknownOrg.json().get("errors").get(0).get("field").asString()).isEqualTo("organizationId");

		Api.Response badLanguage = agent.post("/api/v1/contacts", Map.of("name", "X", "language", "fr"));
		assertThat(badLanguage.status()).isEqualTo(400);

		Api.Response tooBigPage = agent.get("/api/v1/contacts?size=5000");
		assertThat(tooBigPage.status()).isEqualTo(400);
		assertThat(tooBigPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");

		Api.Response badStage = agent.get("/api/v1/contacts?lifecycleStage=happy");
		assertThat(badStage.status()).isEqualTo(400);

		assertThat(agent.get("/api/v1/contacts/987654321").status()).isEqualTo(404);
		assertThat(agent.get("/api/v1/contacts?q=Ghost").json().get("total").asLong()).isZero();
	}

	@Test
	void refusesADuplicateEmailOrPhoneNamingTheExistingContact() {
		String email = unique("li.na");
		long existing = createContact("李娜", email);
		Api.Response duplicate = agent.post("/api/v1/contacts", Map.of("name", "Li Na", "email", " " + email.toUpperCase()));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("existingId").asLong()).isEqualTo(existing);
		assertThat(duplicate.json().get("detail").asString()).contains("李娜").contains("#" + existing);

		String phone = "+359 88 " + (1000000 + (int) (Math.random() * 8999999));
		long withPhone = agent.post("/api/v1/contacts", Map.of("name", "Иван", "phone", phone)).json().get("id").asLong();
		Api.Response samePhone = agent.post("/api/v1/contacts",
				Map.of("name", "Иван Петров", "phone", "00" + phone.substring(1).replace(" ", "")));
		assertThat(samePhone.status()).isEqualTo(409);
		assertThat(samePhone.json().get("existingId").asLong()).isEqualTo(withPhone);
	}

	@Test
	void updatesWithVersionOrIfMatchAndRefusesAStaleVersion() {
		long id = createContact("Maria", unique("maria"));
		Api.Response read = agent.get("/api/v1/contacts/" + id);
		long version = read.json().get("version").asLong();

		Api.Response updated = agent.patch("/api/v1/contacts/" + id,
				Map.of("valuesMost", "Fast answers in Bulgarian", "tags", List.of("vip", "доставки"), "lifecycleStage", "prospect"),
				Map.of("If-Match", read.header("ETag")));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("valuesMost").asString()).isEqualTo("Fast answers in Bulgarian");
		assertThat(updated.json().get("name").asString()).isEqualTo("Maria");
		assertThat(updated.json().get("lifecycleStage").asString()).isEqualTo("PROSPECT");

		Api.Response stale = agent.patch("/api/v1/contacts/" + id, Map.of("name", "Mariya", "version", version), Map.of());
		assertThat(stale.status()).isEqualTo(409);
		assertThat(agent.get("/api/v1/contacts/" + id).json().get("name").asString()).isEqualTo("Maria");

		var history = auditTrail.history(AuditTrail.CONTACT, id, PageRequest.of(0, 50)).getContent();
		assertThat(history).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("valuesMost");
			assertThat(e.newValue()).isEqualTo("Fast answers in Bulgarian");
			assertThat(e.actorUserId()).isNotNull();
		});
	}

	@Test
	void filtersAndPaginatesTheList() {
		String tag = "tag-" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 3; i++) {
			agent.post("/api/v1/contacts", Map.of("name", "Filter " + i, "email", unique("filter" + i), "tags", List.of(tag),
					"language", "bg"));
		}
		Api.Response page = agent.get("/api/v1/contacts?tag=" + tag + "&language=bg&size=2&page=0");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("total").asLong()).isEqualTo(3);
		assertThat(page.json().get("items").size()).isEqualTo(2);
		assertThat(page.json().get("size").asInt()).isEqualTo(2);
		assertThat(agent.get("/api/v1/contacts?tag=" + tag + "&language=en").json().get("total").asLong()).isZero();
	}

	@Test
	void logsInteractionsOnTheTimelineNewestFirst() {
		long id = createContact("Chen", unique("chen"));
		Api.Response call = agent.post("/api/v1/contacts/" + id + "/interactions",
				Map.of("kind", "CALL", "summary", "Asked about the renewal", "durationMinutes", 12, "occurredAt", "2025-01-10T08:00:00Z"));
		assertThat(call.status()).as(call.body()).isEqualTo(201);
		agent.post("/api/v1/contacts/" + id + "/interactions", Map.of("kind", "VISIT", "summary", "Visited the plant",
				"durationMinutes", 90, "occurredAt", "2025-02-10T08:00:00Z"));
		Api.Response bad = agent.post("/api/v1/contacts/" + id + "/interactions", Map.of("kind", "FAX", "summary", ""));
		assertThat(bad.status()).isEqualTo(400);

		Api.Response timeline = agent.get("/api/v1/contacts/" + id + "/timeline?size=1");
		assertThat(timeline.json().get("total").asLong()).isEqualTo(2);
		assertThat(timeline.json().get("items").get(0).get("kind").asString()).isEqualTo("VISIT");
		assertThat(timeline.json().get("items").get(0).get("durationMinutes").asInt()).isEqualTo(90);
	}

	@Test
	void mergesAContactIntoAnotherMovingTimelineAndTellingOtherModules() {
		String sourceEmail = unique("old");
		long source = createContact("Zhang Wei", sourceEmail);
		long target = createContact("张伟", unique("new"));
		agent.post("/api/v1/contacts/" + source + "/interactions", Map.of("kind", "NOTE", "summary", "Prefers WeChat"));
		agent.patch("/api/v1/contacts/" + source, Map.of("personalNotes", "Remember: daughter studies in Sofia", "tags", List.of("wechat")), Map.of());

		Api.Response merged = agent.post("/api/v1/contacts/" + source + "/merge", Map.of("intoId", target));
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("id").asLong()).isEqualTo(target);
		assertThat(merged.json().get("emails").toString()).contains(sourceEmail);
		assertThat(merged.json().get("tags").toString()).contains("wechat");
		assertThat(merged.json().get("personalNotes").asString()).contains("Sofia");

		assertThat(agent.get("/api/v1/contacts/" + source).json().get("mergedIntoId").asLong()).isEqualTo(target);
		Api.Response timeline = agent.get("/api/v1/contacts/" + target + "/timeline");
		assertThat(timeline.json().get("items").toString()).contains("Prefers WeChat").contains("MERGED");
		assertThat(mergeListener.received).contains(new ContactsMerged(source, target, merged.json().get("id").isNull() ? null
				: mergeListener.lastActor()));
		assertThat(auditTrail.history(AuditTrail.CONTACT, source, PageRequest.of(0, 50)).getContent())
			.anySatisfy(e -> assertThat(e.field()).isEqualTo("mergedInto"));
		assertThat(auditTrail.history(AuditTrail.CONTACT, target, PageRequest.of(0, 50)).getContent())
			.anySatisfy(e -> assertThat(e.field()).isEqualTo("mergedFrom"));

		// The source's address is free again only through the survivor: a new contact with it is a duplicate of the target.
		Api.Response again = agent.post("/api/v1/contacts", Map.of("name", "Zhang", "email", sourceEmail));
		assertThat(again.json().get("existingId").asLong()).isEqualTo(target);

		assertThat(agent.post("/api/v1/contacts/" + source + "/merge", Map.of("intoId", target)).status()).isEqualTo(409);
		assertThat(agent.post("/api/v1/contacts/" + target + "/merge", Map.of("intoId", target)).status()).isEqualTo(400);
		assertThat(agent.post("/api/v1/contacts/" + target + "/merge", Map.of()).status()).isEqualTo(400);
	}

	@Test
	void refusesCallersWithoutTokenRevokedTokenReadOnlyTokenAndAnalysts() {
		long id = createContact("Guarded", unique("guarded"));
		Api anonymous = Api.at(port);
		assertThat(anonymous.get("/api/v1/contacts").status()).isEqualTo(401);
		assertThat(anonymous.post("/api/v1/contacts", Map.of("name", "X")).status()).isEqualTo(401);

		UserSummary agentUser = testUsers.user(Role.AGENT);
		Api revoked = Api.at(port).withToken(testUsers.token(agentUser, "read", "write"));
		long tokenId = revoked.get("/api/v1/tokens").json().get("items").get(0).get("id").asLong();
		revoked.delete("/api/v1/tokens/" + tokenId);
		assertThat(revoked.get("/api/v1/contacts/" + id).status()).isEqualTo(401);

		Api readOnly = Api.at(port).withToken(testUsers.token(agentUser, "read"));
		assertThat(readOnly.get("/api/v1/contacts/" + id).status()).isEqualTo(200);
		assertThat(readOnly.post("/api/v1/contacts", Map.of("name", "X", "email", unique("x"))).status()).isEqualTo(403);
		assertThat(readOnly.patch("/api/v1/contacts/" + id, Map.of("name", "X"), Map.of()).status()).isEqualTo(403);
		assertThat(readOnly.post("/api/v1/contacts/" + id + "/interactions", Map.of("kind", "NOTE", "summary", "x")).status())
			.isEqualTo(403);

		Api analyst = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ANALYST), "read"));
		assertThat(analyst.get("/api/v1/contacts?size=1").status()).isEqualTo(200);
		assertThat(analyst.post("/api/v1/contacts", Map.of("name", "X", "email", unique("x"))).status()).isEqualTo(403);
		assertThat(analyst.post("/api/v1/contacts/" + id + "/merge", Map.of("intoId", id)).status()).isEqualTo(403);
		assertThat(analyst.raw("POST", "/api/v1/contacts/import?dryRun=false", "text/csv", "name\nX\n".getBytes()).status())
			.isEqualTo(403);
		assertThat(analyst.get("/api/v1/contacts/export").status()).isEqualTo(200);
		assertThat(agent.get("/api/v1/contacts/" + id).json().get("name").asString()).isEqualTo("Guarded");
	}

	@Test
	void importsADryRunFirstAndThenTheValidRows() {
		String a = unique("ivan"), b = unique("maria"), existing = unique("taken");
		createContact("Taken", existing);
		String csv = "name;email;language;tags\nИван Петров;" + a + ";bg;ключов клиент\nМария Георгиева;" + b
				+ ";bg;\nДубликат;" + a + ";bg;\nСтар;" + existing + ";bg;\nБез език;" + unique("nolang") + ";xx;\n";
		byte[] file = csv.getBytes(Charset.forName("windows-1251"));

		Api.Response dryRun = agent.raw("POST", "/api/v1/contacts/import?dryRun=true", "text/csv", file);
		assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
		assertThat(dryRun.json().get("charset").asString()).isEqualTo("windows-1251");
		assertThat(dryRun.json().get("rows").asInt()).isEqualTo(5);
		assertThat(dryRun.json().get("validRows").asInt()).isEqualTo(2);
		assertThat(dryRun.json().get("created").asInt()).isZero();
		assertThat(dryRun.json().get("problems").toString()).contains("duplicateInFile").contains("duplicateExisting")
			.contains("invalidLanguage");
		assertThat(agent.get("/api/v1/contacts?q=" + a.substring(0, 13)).json().get("total").asLong()).isZero();

		JsonNode confirmed = ImportJobPolling.report(agent, agent.raw("POST", "/api/v1/contacts/import?dryRun=false", "text/csv", file));
		assertThat(confirmed.get("created").asInt()).isEqualTo(2);
		assertThat(confirmed.get("dryRun").asBoolean()).isFalse();
		Api.Response ivan = agent.get("/api/v1/contacts?q=" + a.substring(0, 13));
		assertThat(ivan.json().get("total").asLong()).isEqualTo(1);
		assertThat(ivan.json().get("items").get(0).get("name").asString()).isEqualTo("Иван Петров");
		assertThat(ivan.json().get("items").get(0).get("tags").get(0).asString()).isEqualTo("ключов клиент");

		Api.Response gb = agent.raw("POST", "/api/v1/contacts/import", "text/csv",
				("name,email\n陈美玲," + unique("chen") + "\n").getBytes(Charset.forName("GB18030")));
		assertThat(gb.json().get("charset").asString()).isEqualTo("GB18030");
		assertThat(gb.json().get("dryRun").asBoolean()).isTrue();

		Api.Response wrongOverride = agent.raw("POST", "/api/v1/contacts/import?charset=UTF-8", "text/csv", file);
		assertThat(wrongOverride.status()).isEqualTo(400);
		assertThat(agent.raw("POST", "/api/v1/contacts/import", "text/csv", new byte[0]).status()).isEqualTo(400);
	}

	@Test
	void exportsTheFilteredListAsCsvAndXlsxWithLocalisedHeaders() {
		String tag = "exp-" + UUID.randomUUID().toString().substring(0, 6);
		agent.post("/api/v1/contacts", Map.of("name", "=HYPERLINK(\"x\")", "email", unique("exp"), "tags", List.of(tag)));
		Api.Response csv = agent.get("/api/v1/contacts/export?format=csv&tag=" + tag);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).contains("Name").contains("E-mail");
		assertThat(lines[1]).contains("'=HYPERLINK");

		Api.Response xlsx = agent.get("/api/v1/contacts/export?format=xlsx&tag=" + tag);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
		assertThat(agent.get("/api/v1/contacts/export?format=pdf").status()).isEqualTo(400);
	}

	@Test
	void customAttributesAreDefinedByAdminsAndValidatedOnContacts() {
		String key = "tier_" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
		Api admin = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "write", "admin"));
		Map<String, Object> definition = Map.of("target", "CONTACT", "key", key, "label", "Tier", "type", "CHOICE",
				"options", List.of("Gold", "Silver"));
		assertThat(agent.post("/api/v1/customer-attributes", definition).status()).isEqualTo(403);
		Api.Response defined = admin.post("/api/v1/customer-attributes", definition);
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		assertThat(admin.post("/api/v1/customer-attributes", definition).status()).isEqualTo(400);

		Api.Response withValue = agent.post("/api/v1/contacts",
				Map.of("name", "Gold Customer", "email", unique("gold"), "attributes", Map.of(key, "gold")));
		assertThat(withValue.status()).as(withValue.body()).isEqualTo(201);
		assertThat(withValue.json().get("attributes").get(key).asString()).isEqualTo("Gold");

		Api.Response badValue = agent.post("/api/v1/contacts",
				Map.of("name", "Bronze", "email", unique("bronze"), "attributes", Map.of(key, "Bronze")));
		assertThat(badValue.status()).isEqualTo(400);
		assertThat(badValue.json().get("errors").get(0).get("field").asString()).isEqualTo("attributes." + key);

		long definitionId = defined.json().get("id").asLong();
		assertThat(agent.delete("/api/v1/customer-attributes/" + definitionId).status()).isEqualTo(403);
		assertThat(admin.delete("/api/v1/customer-attributes/" + definitionId).status()).isEqualTo(204);
	}

	@Test
	void organizationsHaveContactsTimelineAndRefuseADuplicateName() {
		String name = "深圳华星电子 " + UUID.randomUUID().toString().substring(0, 6);
		Api.Response org = agent.post("/api/v1/organizations", Map.of("name", name, "domain", "huaxing.cn", "kind", "COMPANY",
				"language", "zh-CN"));
		assertThat(org.status()).as(org.body()).isEqualTo(201);
		long orgId = org.json().get("id").asLong();
		assertThat(agent.post("/api/v1/organizations", Map.of("name", name)).status()).isEqualTo(409);
		assertThat(agent.post("/api/v1/organizations", Map.of("name", "X", "kind", "PARTNER")).status()).isEqualTo(400);

		Api.Response contact = agent.post("/api/v1/contacts", Map.of("name", "采购 李", "email", unique("buyer"),
				"organizationId", orgId, "organizationRole", "PAYER"));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		long contactId = contact.json().get("id").asLong();
		agent.post("/api/v1/contacts/" + contactId + "/interactions", Map.of("kind", "MEETING", "summary", "季度回顾", "durationMinutes", 60));

		assertThat(agent.get("/api/v1/organizations/" + orgId + "/contacts").json().get("total").asLong()).isEqualTo(1);
		assertThat(agent.get("/api/v1/organizations/" + orgId).json().get("contactCount").asLong()).isEqualTo(1);
		assertThat(agent.get("/api/v1/organizations/" + orgId + "/timeline").json().get("items").get(0).get("summary").asString())
			.isEqualTo("季度回顾");

		Api.Response read = agent.get("/api/v1/organizations/" + orgId);
		Api.Response internal = agent.patch("/api/v1/organizations/" + orgId, Map.of("kind", "INTERNAL"),
				Map.of("If-Match", read.header("ETag")));
		assertThat(internal.status()).isEqualTo(200);
		assertThat(internal.json().get("kind").asString()).isEqualTo("INTERNAL");
		assertThat(agent.patch("/api/v1/organizations/" + orgId, Map.of("notes", "x"), Map.of("If-Match", read.header("ETag")))
			.status()).isEqualTo(409);

		String orgCsv = "name,domain\n" + name + ",\nСофия Логистик " + UUID.randomUUID().toString().substring(0, 6) + ",sofialog.bg\n";
		Api.Response dry = agent.raw("POST", "/api/v1/organizations/import", "text/csv", orgCsv.getBytes(StandardCharsets.UTF_8));
		assertThat(dry.json().get("validRows").asInt()).isEqualTo(1);
		assertThat(dry.json().get("problems").get(0).get("line").asInt()).isEqualTo(2);

		Api analyst = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ANALYST), "read"));
		assertThat(analyst.post("/api/v1/organizations", Map.of("name", "Nope")).status()).isEqualTo(403);
		assertThat(Api.at(port).get("/api/v1/organizations").status()).isEqualTo(401);
	}

	/** Stands in for the ticket module: records the merges it was told about. */
	@TestConfiguration
	static class MergeListener {

		final java.util.List<ContactsMerged> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(ContactsMerged event) {
			received.add(event);
		}

		Long lastActor() {
			return received.isEmpty() ? null : received.get(received.size() - 1).actorUserId();
		}

	}

}
