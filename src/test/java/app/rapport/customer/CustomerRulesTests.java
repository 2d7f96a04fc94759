package app.rapport.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRulesTests {

	static ContactDetails contact(String name, List<String> emails, List<String> phones, String language) {
		return new ContactDetails(name, null, emails, phones, language, null, null, null, null, null, null, List.of(), Map.of());
	}

	@Test
	void acceptsAContactInEachLanguage() {
		for (String lang : List.of("en", "zh-CN", "zh-TW", "bg", "zh_cn")) {
			assertThat(CustomerRules.checkContact(contact("Иван Петров", List.of("ivan@example.bg"), List.of("+359 2 987 6543"), lang)))
				.isEmpty();
		}
	}

	@Test
	void requiresANameOfAtMost300Characters() {
		assertThat(CustomerRules.checkContact(contact(" ", List.of(), List.of(), "en"))).extracting(FieldProblem::code)
			.containsExactly("required");
		assertThat(CustomerRules.checkContact(contact("名".repeat(301), List.of(), List.of(), "en")))
			.extracting(FieldProblem::code).containsExactly("tooLong");
	}

	@Test
	void refusesBadEmailsPhonesAndLanguages() {
		List<FieldProblem> problems = CustomerRules.checkContact(contact("A", List.of("not-an-address"), List.of("call me"), "fr"));
		assertThat(problems).extracting(FieldProblem::field).containsExactly("email", "phone", "language");
	}

	@Test
	void refusesUnknownStageChannelAndRoleWithoutOrganization() {
		var d = new ContactDetails("A", null, List.of(), List.of(), "en", "PIGEON", "happy", null, "PAYER", null, null,
				List.of(), Map.of());
		assertThat(CustomerRules.checkContact(d)).extracting(FieldProblem::field)
			.containsExactly("preferredChannel", "lifecycleStage", "organizationRole");
	}

	@Test
	void acceptsEnumValuesInAnyCase() {
		assertThat(CustomerRules.parse(ContactRole.class, "decision-maker")).isEqualTo(ContactRole.DECISION_MAKER);
		assertThat(CustomerRules.parse(LifecycleStage.class, "Prospect")).isEqualTo(LifecycleStage.PROSPECT);
	}

	@Test
	void checksOrganizations() {
		var ok = new OrganizationDetails("深圳华星电子有限公司", "Huaxing", "huaxing.cn", "COMPANY", "CUSTOMER", "zh-CN", null, null,
				List.of("vip"), Map.of());
		assertThat(CustomerRules.checkOrganization(ok)).isEmpty();
		var bad = new OrganizationDetails("", null, "not a domain", "PARTNER", null, "xx", null, null, List.of("t".repeat(61)), Map.of());
		assertThat(CustomerRules.checkOrganization(bad)).extracting(FieldProblem::field)
			.containsExactly("name", "domain", "kind", "language", "tags");
	}

	@Test
	void checksLoggedInteractions() {
		Instant now = Instant.parse("2025-05-01T10:00:00Z");
		assertThat(CustomerRules.checkInteraction(new Interaction("call", "Discussed renewal", 15, now), now)).isEmpty();
		assertThat(CustomerRules.checkInteraction(new Interaction("EMAIL", " ", 0, now.plusSeconds(3600)), now))
			.extracting(FieldProblem::field).containsExactly("kind", "summary", "durationMinutes", "occurredAt");
	}

}
