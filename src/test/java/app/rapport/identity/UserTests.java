package app.rapport.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTests {

	static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	static User anAgent() {
		return new User(" Mei.Lin@Example.COM ", "Mei Lin", Role.AGENT, "zh-CN", "Asia/Shanghai", NOON);
	}

	@Test
	void countsFailuresWithoutLockingBelowTheLimit() {
		User user = anAgent();
		for (int i = 0; i < 4; i++) {
			user.recordFailedSignIn(NOON, 5, LOCKOUT);
		}
		assertThat(user.getFailedSignIns()).isEqualTo(4);
		assertThat(user.isLockedAt(NOON)).isFalse();
	}

	@Test
	void locksForTheLockoutPeriodAtTheFifthFailure() {
		User user = anAgent();
		for (int i = 0; i < 5; i++) {
			user.recordFailedSignIn(NOON, 5, LOCKOUT);
		}
		assertThat(user.isLockedAt(NOON)).isTrue();
		assertThat(user.isLockedAt(NOON.plus(LOCKOUT).minusSeconds(1))).isTrue();
		assertThat(user.isLockedAt(NOON.plus(LOCKOUT))).isFalse();
		// The count starts again, so that one more failure after the lock does not lock at once.
		assertThat(user.getFailedSignIns()).isZero();
	}

	@Test
	void aSuccessfulSignInResetsTheFailureCounterAndTheLock() {
		User user = anAgent();
		user.recordFailedSignIn(NOON, 5, LOCKOUT);
		user.recordFailedSignIn(NOON, 5, LOCKOUT);
		user.recordSuccessfulSignIn();
		assertThat(user.getFailedSignIns()).isZero();
		for (int i = 0; i < 4; i++) {
			user.recordFailedSignIn(NOON, 5, LOCKOUT);
		}
		assertThat(user.isLockedAt(NOON)).as("four failures after a success do not lock").isFalse();

		user.recordFailedSignIn(NOON, 5, LOCKOUT);
		user.recordSuccessfulSignIn();
		assertThat(user.isLockedAt(NOON)).isFalse();
		assertThat(user.getLockedUntil()).isNull();
	}

	@Test
	void normalizesTheEmailAndSpeaksItsInterfaceLanguage() {
		User user = anAgent();
		assertThat(user.getEmail()).isEqualTo("mei.lin@example.com");
		assertThat(user.getSpokenLanguages()).containsExactly("zh-CN");
	}

}
