package app.rapport.customer;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateCheckTests {

	static final DuplicateCheck.Candidate LI_NA = new DuplicateCheck.Candidate(7, "李娜", Set.of("li.na@example.cn"),
			Set.of("+8613800138000"));

	@Test
	void findsExistingContactBySameEmailInAnotherCase() {
		var duplicate = DuplicateCheck.find(List.of("  Li.Na@Example.CN "), List.of(), null, List.of(LI_NA));
		assertThat(duplicate).hasValueSatisfying(d -> {
			assertThat(d.existingId()).isEqualTo(7);
			assertThat(d.field()).isEqualTo("email");
			assertThat(d.describe()).contains("李娜").contains("#7").contains("li.na@example.cn");
		});
	}

	@Test
	void findsExistingContactBySamePhoneWrittenDifferently() {
		var duplicate = DuplicateCheck.find(List.of(), List.of("0086 138-0013-8000"), null, List.of(LI_NA));
		assertThat(duplicate).hasValueSatisfying(d -> assertThat(d.field()).isEqualTo("phone"));
	}

	@Test
	void ignoresTheContactBeingUpdated() {
		assertThat(DuplicateCheck.find(List.of("li.na@example.cn"), List.of(), 7L, List.of(LI_NA))).isEmpty();
	}

	@Test
	void differentAddressesAndNumbersAreNoDuplicate() {
		assertThat(DuplicateCheck.find(List.of("li.na2@example.cn"), List.of("+86 138 0013 8001"), null, List.of(LI_NA)))
			.isEmpty();
	}

	@Test
	void reportsTheEarlierLineForDuplicatesWithinOneFile() {
		var seen = new DuplicateCheck.WithinFile();
		assertThat(seen.earlierLine(2, List.of("a@example.com"), List.of("+359 888 123 456"))).isEmpty();
		assertThat(seen.earlierLine(3, List.of("b@example.com"), List.of())).isEmpty();
		assertThat(seen.earlierLine(4, List.of("c@example.com"), List.of("00359888123456"))).contains(2);
		assertThat(seen.earlierLine(5, List.of("B@EXAMPLE.COM"), List.of())).contains(3);
	}

}
