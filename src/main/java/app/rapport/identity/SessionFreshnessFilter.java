package app.rapport.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every web request see its user as the database has them now, not as they were at sign-in: a
 * deactivated user, or one whose password changed since this session signed in, is signed out at once
 * (the request continues anonymously, so it is refused or sent to the sign-in page); a changed role or
 * name applies from this request on. Groups are read per request by the modules that need them.
 */
class SessionFreshnessFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionFreshnessFilter.class);

	private final UserRepository users;

	private final SecurityContextRepository contexts;

	SessionFreshnessFilter(UserRepository users) {
		this(users, new HttpSessionSecurityContextRepository());
	}

	SessionFreshnessFilter(UserRepository users, SecurityContextRepository contexts) {
		this.users = users;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser signedIn) {
			Optional<CurrentUser> fresh = users.findState(signedIn.id()).flatMap(signedIn::refreshedFrom);
			if (fresh.isEmpty()) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				log.info("Ended a session of user {}: deactivated, removed, or signed out everywhere", signedIn.id());
			}
			else if (fresh.get() != signedIn) {
				var token = UsernamePasswordAuthenticationToken.authenticated(fresh.get(), null,
						fresh.get().getAuthorities());
				token.setDetails(auth.getDetails());
				SecurityContext updated = SecurityContextHolder.createEmptyContext();
				updated.setAuthentication(token);
				SecurityContextHolder.setContext(updated);
				contexts.saveContext(updated, request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
