package app.rapport.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import app.rapport.shared.web.ProblemWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing twice over: an account locks for a while after repeated failures
 * (kept in the database, so every node agrees), and one address that fails too often is refused
 * with 429 for a while (kept in memory per node, bounded). The address is the client's as the forwarded-request
 * filter in {@code shared.web} reports it: behind a trusted proxy, the one the proxy forwarded for.
 */
@Component
class SignInGuard {

	private final UserRepository users;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockout;

	private final int maxFailuresPerAddress;

	/** Recent failures per client address; bounded, and an address quiet for a lockout period is forgotten. */
	private final Cache<String, Deque<Instant>> failuresByAddress;

	/** Most addresses remembered at once; under a flood the oldest are dropped rather than the heap filling up. */
	static final int MAX_ADDRESSES = 100_000;

	SignInGuard(UserRepository users, Clock clock, @Value("${rapport.sign-in.max-failures:5}") int maxFailures,
			@Value("${rapport.sign-in.lockout:15m}") Duration lockout,
			@Value("${rapport.sign-in.max-failures-per-address:30}") int maxFailuresPerAddress) {
		this.maxFailuresPerAddress = maxFailuresPerAddress;
		this.users = users;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
		this.failuresByAddress = Caffeine.newBuilder()
			.maximumSize(MAX_ADDRESSES)
			.expireAfterAccess(lockout)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String email = String.valueOf(event.getAuthentication().getPrincipal());
		Instant now = clock.instant();
		users.findByEmailIgnoreCase(email.trim()).ifPresent(u -> u.recordFailedSignIn(now, maxFailures, lockout));
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			Deque<Instant> failures = failuresByAddress.get(details.getRemoteAddress(), k -> new ArrayDeque<>());
			synchronized (failures) {
				failures.addLast(now);
				prune(failures, now);
			}
		}
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			users.findById(user.id()).filter(u -> u.getFailedSignIns() > 0 || u.getLockedUntil() != null)
				.ifPresent(User::recordSuccessfulSignIn);
		}
	}

	boolean isAddressBlocked(String address) {
		Deque<Instant> failures = failuresByAddress.getIfPresent(address);
		if (failures == null) {
			return false;
		}
		synchronized (failures) {
			prune(failures, clock.instant());
			return failures.size() >= maxFailuresPerAddress;
		}
	}

	/** How many addresses are remembered now (after pending evictions), for tests and metrics. */
	long rememberedAddresses() {
		failuresByAddress.cleanUp();
		return failuresByAddress.estimatedSize();
	}

	private void prune(Deque<Instant> failures, Instant now) {
		Instant horizon = now.minus(lockout);
		while (!failures.isEmpty() && failures.peekFirst().isBefore(horizon)) {
			failures.pollFirst();
		}
	}

	/** Refuses sign-in attempts (form and HTTP Basic) from an address that failed too often. */
	OncePerRequestFilter addressFilter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean signInAttempt = ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()))
						|| request.getHeader("Authorization") != null
								&& request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6);
				if (signInAttempt && isAddressBlocked(request.getRemoteAddr())) {
					response.setHeader("Retry-After", String.valueOf(lockout.toSeconds()));
					ProblemWriter.write(response, 429, "Too many requests",
							"Too many failed sign-ins from this address; try again later.");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

}
