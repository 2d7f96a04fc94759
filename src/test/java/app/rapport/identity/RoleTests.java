package app.rapport.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void adminsMayHoldEveryScope() {
		assertThat(Role.ADMIN.allowedScopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.ADMIN);
	}

	@Test
	void supervisorsAndAgentsReadAndWriteButDoNotAdminister() {
		assertThat(Role.SUPERVISOR.allowedScopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
		assertThat(Role.AGENT.allowedScopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
	}

	@Test
	void analystsOnlyRead() {
		assertThat(Role.ANALYST.allowedScopes()).containsExactly(Scope.READ);
	}

	@Test
	void onlyAgentsAreLimitedToTheirGroupsTickets() {
		assertThat(Role.AGENT.seesAllTickets()).isFalse();
		assertThat(Role.SUPERVISOR.seesAllTickets()).isTrue();
		assertThat(Role.ADMIN.seesAllTickets()).isTrue();
		assertThat(Role.ANALYST.seesAllTickets()).isTrue();
	}

	@Test
	void scopesAreGrantedAsLowerCaseAuthorities() {
		assertThat(Scope.WRITE.authority()).isEqualTo("SCOPE_write");
		assertThat(Scope.ADMIN.key()).isEqualTo("admin");
	}

}
