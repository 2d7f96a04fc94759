package app.rapport.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user (by session or API token) as other modules see them. */
@org.springframework.modulith.NamedInterface("api")
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String email;

	private final String displayName;

	private final Role role;

	private final Set<Scope> scopes;

	private transient String passwordHash;

	private final boolean locked;

	private final boolean active;

	private final long sessionEpoch;

	CurrentUser(User user, Set<Scope> scopes, boolean locked) {
		this.id = user.getId();
		this.email = user.getEmail();
		this.displayName = user.getDisplayName();
		this.role = user.getRole();
		this.scopes = Set.copyOf(scopes);
		this.passwordHash = user.getPasswordHash();
		this.locked = locked;
		this.active = user.isActive();
		this.sessionEpoch = user.getSessionEpoch();
	}

	private CurrentUser(long id, UserState now, Set<Scope> scopes) {
		this.id = id;
		this.email = now.email();
		this.displayName = now.displayName();
		this.role = now.role();
		this.scopes = Set.copyOf(scopes);
		this.locked = false;
		this.active = now.active();
		this.sessionEpoch = now.sessionEpoch();
	}

	/** A user authenticated by an API token, as the database has them now, with the token's scopes. */
	static CurrentUser byToken(long id, UserState now, Set<Scope> scopes) {
		return new CurrentUser(id, now, scopes);
	}

	/**
	 * This session's user as the database says they are now, or empty when the session must end: the user
	 * is gone or deactivated, or their sessions were ended (password changed) after this one signed in.
	 */
	Optional<CurrentUser> refreshedFrom(UserState now) {
		if (now == null || !now.active() || now.sessionEpoch() != sessionEpoch) {
			return Optional.empty();
		}
		if (now.role() == role && now.email().equals(email) && now.displayName().equals(displayName)) {
			return Optional.of(this);
		}
		// A session carries every scope its role allows, so a new role brings its own scopes.
		return Optional.of(new CurrentUser(id, now, now.role().allowedScopes()));
	}

	/** The same user signed in under their current session epoch (after changing their own password). */
	CurrentUser withSessionEpoch(long epoch) {
		return new CurrentUser(id, new UserState(email, displayName, role, active, epoch), scopes);
	}

	/** The user of the current request; never {@code null} inside an authenticated request. */
	public static CurrentUser get() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		throw new IllegalStateException("No signed-in user");
	}

	public long id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public boolean has(Scope scope) {
		return scopes.contains(scope);
	}

	public boolean seesAllTickets() {
		return role.seesAllTickets();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CurrentUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "CurrentUser[" + id + ", " + role + "]";
	}

}
