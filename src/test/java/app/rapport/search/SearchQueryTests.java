package app.rapport.search;

import java.util.Optional;

import app.rapport.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTests {

	@Test
	void recognizesATicketNumberWithOrWithoutHash() {
		assertThat(SearchQuery.of("#123", null).ticketNumber()).contains(123L);
		assertThat(SearchQuery.of(" 123 ", null).ticketNumber()).contains(123L);
		assertThat(SearchQuery.of("# 42", null).ticketNumber()).contains(42L);
		assertThat(SearchQuery.of("#123", null).text()).isEqualTo("123");
	}

	@Test
	void treatsEverythingElseAsWords() {
		SearchQuery q = SearchQuery.of("  投诉 123  ", null);
		assertThat(q.ticketNumber()).isEqualTo(Optional.empty());
		assertThat(q.text()).isEqualTo("投诉 123");
		assertThat(SearchQuery.of("#12a", null).ticketNumber()).isEmpty();
		assertThat(SearchQuery.of("1234567890123456789012", null).ticketNumber()).isEmpty();
	}

	@Test
	void usesTenPerKindUnlessToldOtherwise() {
		assertThat(SearchQuery.of("x", null).limit()).isEqualTo(10);
		assertThat(SearchQuery.of("x", 1).limit()).isEqualTo(1);
		assertThat(SearchQuery.of("x", 50).limit()).isEqualTo(50);
	}

	@Test
	void refusesABlankOrTooLongQuery() {
		assertRefused(null, null, "q");
		assertRefused("", null, "q");
		assertRefused(" \t ", null, "q");
		assertRefused("a".repeat(201), null, "q");
		assertThat(SearchQuery.of("a".repeat(200), null).text()).hasSize(200);
	}

	@Test
	void refusesALimitOutsideOneToFifty() {
		assertRefused("x", 0, "limit");
		assertRefused("x", 51, "limit");
		assertRefused("x", -1, "limit");
	}

	private static void assertRefused(String q, Integer limit, String field) {
		assertThatThrownBy(() -> SearchQuery.of(q, limit)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey(field));
	}

}
