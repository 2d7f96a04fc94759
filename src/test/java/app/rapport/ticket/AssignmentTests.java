package app.rapport.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Assignment of new tickets")
class AssignmentTests {

	static UserSummary agent(long id, String... languages) {
		return new UserSummary(id, "a" + id + "@example.com", "Agent " + id, Role.AGENT, "en", "UTC", true,
				Set.of(languages), Set.of(1L));
	}

	static UserSummary inactive(long id, String... languages) {
		return new UserSummary(id, "a" + id + "@example.com", "Agent " + id, Role.AGENT, "en", "UTC", false,
				Set.of(languages), Set.of(1L));
	}

	@Test
	void leavesTicketsUnassignedInManualGroups() {
		assertThat(Assignment.choose(AssignmentMode.MANUAL, List.of(agent(1), agent(2)), "en", null, Map.of()))
			.isEmpty();
	}

	@Test
	void leavesTicketsUnassignedWhenTheGroupHasNoActiveMember() {
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(inactive(1)), "en", null, Map.of())).isEmpty();
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, List.of(), "en", null, Map.of())).isEmpty();
	}

	@Test
	void goesRoundTheMembersInIdOrderAndWrapsAround() {
		List<UserSummary> members = List.of(agent(30), agent(10), agent(20));
		List<Long> owners = new ArrayList<>();
		Long last = null;
		for (int i = 0; i < 5; i++) {
			last = Assignment.choose(AssignmentMode.ROUND_ROBIN, members, null, last, Map.of()).orElseThrow();
			owners.add(last);
		}
		assertThat(owners).containsExactly(10L, 20L, 30L, 10L, 20L);
	}

	@Test
	void continuesRoundRobinAfterALastOwnerWhoLeftTheGroup() {
		List<UserSummary> members = List.of(agent(10), agent(30));
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, null, 20L, Map.of())).contains(30L);
	}

	@Test
	void skipsInactiveMembersInRoundRobin() {
		List<UserSummary> members = List.of(agent(10), inactive(20), agent(30));
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, null, 10L, Map.of())).contains(30L);
	}

	@Test
	void givesTheTicketToTheMemberWithFewestOpenTickets() {
		List<UserSummary> members = List.of(agent(1), agent(2), agent(3));
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, null, null, Map.of(1L, 5L, 2L, 1L, 3L, 4L)))
			.contains(2L);
	}

	@Test
	void countsMembersWithoutTicketsAsZeroAndBreaksTiesByLowestId() {
		List<UserSummary> members = List.of(agent(3), agent(1), agent(2));
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, null, null, Map.of(1L, 2L))).contains(2L);
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, null, null, Map.of())).contains(1L);
	}

	@Test
	void prefersMembersWhoSpeakTheRequestersLanguage() {
		List<UserSummary> members = List.of(agent(1, "en"), agent(2, "zh-CN", "en"), agent(3, "bg"), agent(4, "zh-CN"));
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, "zh-CN", null, Map.of())).contains(2L);
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, "zh-CN", 2L, Map.of())).contains(4L);
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, "zh-CN", 4L, Map.of())).contains(2L);
		// The Bulgarian speaker gets the Bulgarian customer even though she has more open tickets.
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, "bg", null, Map.of(3L, 9L))).contains(3L);
	}

	@Test
	void prefersTheSameBaseLanguageWhenNobodySpeaksTheExactVariant() {
		List<UserSummary> members = List.of(agent(1, "en"), agent(2, "zh-CN"));
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, "zh-TW", null, Map.of(2L, 3L))).contains(2L);
	}

	@Test
	void fallsBackToAllMembersWhenNobodySpeaksTheLanguage() {
		List<UserSummary> members = List.of(agent(1, "en"), agent(2, "en"));
		assertThat(Assignment.choose(AssignmentMode.LEAST_OPEN, members, "bg", null, Map.of(1L, 3L))).contains(2L);
		assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, members, "bg", 1L, Map.of())).contains(2L);
	}

}
