package app.rapport.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeRulesTests {

	static final AttributeSpec BUDGET = new AttributeSpec("budget", "Budget", AttributeType.NUMBER, List.of());

	static final AttributeSpec RENEWAL = new AttributeSpec("renewal", "Renewal", AttributeType.DATE, List.of());

	static final AttributeSpec TIER = new AttributeSpec("tier", "Tier", AttributeType.CHOICE, List.of("Gold", "Silver"));

	static final AttributeSpec NOTE = new AttributeSpec("note", "Note", AttributeType.TEXT, List.of());

	@Test
	void normalizesNumbersDatesAndChoices() {
		assertThat(AttributeRules.normalize(BUDGET, " 1 200.50 ").value()).isEqualTo("1200.5");
		assertThat(AttributeRules.normalize(RENEWAL, "2025-03-01").value()).isEqualTo("2025-03-01");
		assertThat(AttributeRules.normalize(TIER, "gold").value()).isEqualTo("Gold");
		assertThat(AttributeRules.normalize(NOTE, " 喜欢喝茶 ").value()).isEqualTo("喜欢喝茶");
	}

	@Test
	void blankMeansNoValue() {
		var result = AttributeRules.normalize(BUDGET, "  ");
		assertThat(result.value()).isNull();
		assertThat(result.code()).isNull();
	}

	@Test
	void refusesValuesOfTheWrongType() {
		assertThat(AttributeRules.normalize(BUDGET, "twelve").code()).isEqualTo("invalidNumber");
		assertThat(AttributeRules.normalize(RENEWAL, "01.03.2025").code()).isEqualTo("invalidDate");
		assertThat(AttributeRules.normalize(RENEWAL, "2025-02-30").code()).isEqualTo("invalidDate");
		assertThat(AttributeRules.normalize(TIER, "Bronze").code()).isEqualTo("invalidChoice");
		assertThat(AttributeRules.normalize(NOTE, "x".repeat(1001)).code()).isEqualTo("tooLong");
	}

	@Test
	void reportsUnknownAndBadValuesPerKey() {
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("budget", "abc");
		raw.put("colour", "red");
		raw.put("tier", "Silver");
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> values = AttributeRules.normalizeAll(raw, List.of(BUDGET, TIER), problems);
		assertThat(values).containsExactly(Map.entry("tier", "Silver"));
		assertThat(problems).extracting(FieldProblem::field).containsExactly("attributes.budget", "attributes.colour");
	}

	@Test
	void checksDefinitions() {
		assertThat(AttributeRules.checkDefinition("tier", "Tier", AttributeType.CHOICE, List.of(), List.of()))
			.extracting(FieldProblem::code).containsExactly("choiceOptions");
		assertThat(AttributeRules.checkDefinition("Tier!", "", AttributeType.TEXT, List.of(), List.of()))
			.extracting(FieldProblem::field).containsExactly("key", "label");
		assertThat(AttributeRules.checkDefinition("tier", "Tier", AttributeType.TEXT, List.of(), List.of("tier")))
			.extracting(FieldProblem::code).containsExactly("attributeKeyTaken");
		assertThat(AttributeRules.checkDefinition("tier", "Tier", AttributeType.CHOICE, List.of("A", "B"), List.of())).isEmpty();
		assertThat(AttributeRules.parseOptions("Gold\nSilver, Bronze\n\n")).containsExactly("Gold", "Silver", "Bronze");
	}

}
