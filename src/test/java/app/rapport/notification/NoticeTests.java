package app.rapport.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoticeTests {

	@Test
	void acceptsAPathOnThisSiteAndCopiesTheArguments() {
		List<String> args = new ArrayList<>(List.of("#42"));
		Notice notice = new Notice("commitment.breached", "commitment.breached", args, "/tickets/42?tab=messages#m-7");
		args.add("changed later");

		assertThat(notice.args()).containsExactly("#42");
		assertThat(new Notice("k", "key", null, null).args()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tickets/42", "//evil.example/x", "/\\evil.example", "https://evil.example/",
			"/tickets/42\r\nSet-Cookie: x", "/a b", "" })
	void refusesALinkThatIsNotAPathOnThisSite(String link) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice("k", "key", List.of(), link));
	}

	@Test
	void refusesAMissingKindOrKeyAndTooManyArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice(" ", "key", List.of(), "/"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notice("k", null, List.of(), "/"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Notice("k", "key", Collections.nCopies(11, "a"), "/"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Notice("k", "key", List.of("x".repeat(1001)), "/"));
	}

}
