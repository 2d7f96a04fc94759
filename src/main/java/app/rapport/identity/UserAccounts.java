package app.rapport.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user for password sign-in; a locked account is reported as locked. */
@Service
class UserAccounts implements UserDetailsService {

	private final UserRepository users;

	private final Clock clock;

	UserAccounts(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		User user = users.findByEmailIgnoreCase(email == null ? "" : email.trim())
			// A user who has not chosen a password yet (invited) cannot sign in with one.
			.filter(u -> u.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new CurrentUser(user, user.getRole().allowedScopes(), user.isLockedAt(clock.instant()));
	}

}
