package app.rapport.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and checks personal access tokens. */
@Service
@Transactional
public class ApiTokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final Clock clock;

	ApiTokenService(ApiTokenRepository tokens, UserRepository users, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.clock = clock;
	}

	/** Furthest ahead a token may expire; a longer life is better served by a token without expiry, revoked when done. */
	public static final Duration MAX_LIFETIME = Duration.ofDays(5 * 366);

	/** Issues a token that never expires; scopes beyond the user's role are refused. */
	public IssuedToken issue(long userId, String name, List<String> scopeNames) {
		return issue(userId, name, scopeNames, null);
	}

	/**
	 * Issues a token for the user; scopes beyond the user's role are refused.
	 * @param expiresAt when the token stops working, in the future and at most {@link #MAX_LIFETIME} ahead;
	 * {@code null} for a token that works until revoked
	 */
	public IssuedToken issue(long userId, String name, List<String> scopeNames, Instant expiresAt) {
		Instant now = clock.instant();
		if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME)))) {
			throw new InvalidInputException("expiresAt", "must be in the future and at most " + MAX_LIFETIME.toDays()
					+ " days ahead (leave it out for a token that works until revoked)");
		}
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("name", "must be 1 to 100 characters");
		}
		if (scopeNames == null || scopeNames.isEmpty()) {
			throw new InvalidInputException("scopes", "must name at least one of read, write, admin");
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String s : scopeNames) {
			Scope scope;
			try {
				scope = Scope.valueOf(String.valueOf(s).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("scopes", "unknown scope '" + s + "'; use read, write or admin");
			}
			if (!user.getRole().allowedScopes().contains(scope)) {
				throw new InvalidInputException("scopes",
						"scope '" + scope.key() + "' is not allowed for role " + user.getRole().name().toLowerCase(Locale.ROOT));
			}
			scopes.add(scope);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "rpt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens.save(new ApiToken(userId, name.trim(), hash(secret), secret.substring(0, 10), scopes,
				now, expiresAt));
		return new IssuedToken(ApiTokenView.of(token, now), secret);
	}

	/** One page of the user's tokens, newest first. */
	@Transactional(readOnly = true)
	public Page<ApiTokenView> tokensOf(long userId, Pageable pageable) {
		return tokens.findByUserIdOrderByCreatedAtDescIdDesc(userId, pageable).map(this::view);
	}

	/** One page of everyone's tokens, newest first (for admins). */
	@Transactional(readOnly = true)
	public Page<ApiTokenView> allTokens(Pageable pageable) {
		return tokens.findAllByOrderByCreatedAtDescIdDesc(pageable).map(this::view);
	}

	/** Revokes a token; only its owner or an admin with the admin scope may (others get "not found"). */
	public void revoke(long tokenId, CurrentUser by) {
		ApiToken token = tokens.findById(tokenId)
			.filter(t -> t.getUserId() == by.id() || by.has(Scope.ADMIN))
			.orElseThrow(() -> new NotFoundException("Token " + tokenId));
		token.revoke(clock.instant());
	}

	/** The user a valid, unrevoked token authenticates, with the token's scopes capped by the role. */
	Optional<CurrentUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith("rpt_") || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<TokenHolder> found = tokens.findHolder(hash(secret)).filter(t -> t.isUsableAt(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		TokenHolder token = found.get();
		// Record use at most once a minute per token so that busy integrations do not write on every call
		// (the condition is checked here first, so that most requests send no update at all).
		Instant before = now.minus(Duration.ofMinutes(1));
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(before)) {
			tokens.touch(token.tokenId(), now, before);
		}
		Set<Scope> scopes = token.tokenScopes();
		scopes.retainAll(token.role().allowedScopes());
		return Optional.of(CurrentUser.byToken(token.userId(), token.user(), scopes));
	}

	private ApiTokenView view(ApiToken token) {
		return ApiTokenView.of(token, clock.instant());
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
