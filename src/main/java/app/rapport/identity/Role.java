package app.rapport.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do; the scopes a role allows cap the scopes of that user's API tokens. */
@org.springframework.modulith.NamedInterface("api")
public enum Role {

	ADMIN(EnumSet.allOf(Scope.class)), SUPERVISOR(EnumSet.of(Scope.READ, Scope.WRITE)),
	AGENT(EnumSet.of(Scope.READ, Scope.WRITE)), ANALYST(EnumSet.of(Scope.READ));

	private final Set<Scope> allowedScopes;

	Role(Set<Scope> allowedScopes) {
		this.allowedScopes = allowedScopes;
	}

	public Set<Scope> allowedScopes() {
		return allowedScopes;
	}

	/** Supervisors, admins and analysts see every ticket; agents only their groups' and their own. */
	public boolean seesAllTickets() {
		return this != AGENT;
	}

}
