package app.rapport.identity;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTests {

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(Passwords.weakness(null)).isEqualTo("must be at least 12 characters");
		assertThat(Passwords.weakness("")).isEqualTo("must be at least 12 characters");
		assertThat(Passwords.weakness("abcdefghijk")).isEqualTo("must be at least 12 characters");
		assertThat(Passwords.check("abcdefghijk")).contains(Passwords.Weakness.TOO_SHORT);
	}

	@Test
	void acceptsTwelveVariedCharacters() {
		assertThat(Passwords.weakness("abcdefghijkl")).isNull();
		assertThat(Passwords.check("correct-horse-battery-9")).isEmpty();
	}

	@Test
	void refusesPasswordsLongerThan128Characters() {
		assertThat(Passwords.weakness("abcdefgh".repeat(16))).isNull();
		assertThat(Passwords.weakness("abcdefgh".repeat(16) + "x")).isEqualTo("must be at most 128 characters");
	}

	@Test
	void refusesRepetitivePasswordsOfAnyLength() {
		assertThat(Passwords.weakness("aaaaaaaaaaaaaaaa")).isEqualTo("is too repetitive");
		assertThat(Passwords.weakness("abababababababab")).isEqualTo("is too repetitive");
		assertThat(Passwords.weakness("abcdabcdabcdabcd")).isEqualTo("is too repetitive");
		assertThat(Passwords.weakness("abcdeabcdeabcde")).isNull();
	}

	@Test
	void namesALocalizableMessageForEachWeakness() {
		assertThat(Passwords.Weakness.TOO_SHORT.messageKey()).isEqualTo("password.too-short");
		assertThat(Passwords.Weakness.TOO_REPETITIVE.messageKey()).isEqualTo("password.too-repetitive");
	}

	@Test
	void generatesStrongPasswordsThatDifferEveryTime() {
		Set<String> generated = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			String password = Passwords.generate();
			assertThat(password).hasSize(20).doesNotContain("0", "O", "1", "l", "I");
			assertThat(Passwords.weakness(password)).isNull();
			generated.add(password);
		}
		assertThat(generated).hasSize(50);
	}

}
