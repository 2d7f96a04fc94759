package app.rapport.identity;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

class SignInGuardTests {

	/** A clock the test moves by hand. */
	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-11-23T09:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	// Unknown users only: the per-address throttle must work without any account.
	final UserRepository noUsers = (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { UserRepository.class },
			(proxy, method, args) -> method.getName().equals("findByEmailIgnoreCase") ? Optional.empty() : null);

	final MovableClock clock = new MovableClock();

	final SignInGuard guard = new SignInGuard(noUsers, clock, 5, Duration.ofMinutes(15), 3);

	@Test
	void blocksAnAddressAfterTooManyFailuresAndLetsItTryAgainLater() {
		fail("10.0.0.7");
		fail("10.0.0.7");
		assertThat(guard.isAddressBlocked("10.0.0.7")).isFalse();
		fail("10.0.0.7");
		assertThat(guard.isAddressBlocked("10.0.0.7")).isTrue();
		assertThat(guard.isAddressBlocked("10.0.0.8")).as("another address").isFalse();

		clock.now = clock.now.plus(Duration.ofMinutes(16));
		assertThat(guard.isAddressBlocked("10.0.0.7")).isFalse();
	}

	private void fail(String address) {
		HttpServletRequest request = new MockHttpServletRequest();
		((MockHttpServletRequest) request).setRemoteAddr(address);
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated("nobody@example.com", "guess");
		attempt.setDetails(new WebAuthenticationDetails(request));
		guard.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("bad")));
	}

	@Test
	void remembersABoundedNumberOfAddressesAndForgetsQuietOnes() {
		for (int i = 0; i < SignInGuard.MAX_ADDRESSES + 20_000; i++) {
			fail("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
		}
		assertThat(guard.rememberedAddresses()).isLessThanOrEqualTo(SignInGuard.MAX_ADDRESSES);

		clock.now = clock.now.plus(Duration.ofMinutes(16));
		assertThat(guard.rememberedAddresses()).isZero();
	}

}
