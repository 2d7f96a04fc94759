package app.rapport.ticket;

import app.rapport.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static app.rapport.ticket.TicketState.CLOSED;
import static app.rapport.ticket.TicketState.NEW;
import static app.rapport.ticket.TicketState.ON_HOLD;
import static app.rapport.ticket.TicketState.OPEN;
import static app.rapport.ticket.TicketState.PENDING_CUSTOMER;
import static app.rapport.ticket.TicketState.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The ticket state machine")
class TicketStateMachineTests {

	@Test
	void letsNewTicketsOpenWaitOrBeSolvedButNotClose() {
		assertThat(TicketStateMachine.nextStates(NEW)).containsExactlyInAnyOrder(OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED);
		assertThat(TicketStateMachine.allows(NEW, CLOSED)).isFalse();
	}

	@Test
	void movesOpenTicketsBetweenWaitingStatesAndBack() {
		assertThat(TicketStateMachine.allows(OPEN, PENDING_CUSTOMER)).isTrue();
		assertThat(TicketStateMachine.allows(PENDING_CUSTOMER, OPEN)).isTrue();
		assertThat(TicketStateMachine.allows(OPEN, ON_HOLD)).isTrue();
		assertThat(TicketStateMachine.allows(ON_HOLD, OPEN)).isTrue();
		assertThat(TicketStateMachine.allows(ON_HOLD, SOLVED)).isTrue();
		assertThat(TicketStateMachine.allows(OPEN, NEW)).isFalse();
	}

	@Test
	void reopensOrClosesSolvedTickets() {
		assertThat(TicketStateMachine.nextStates(SOLVED)).containsExactlyInAnyOrder(OPEN, CLOSED);
		assertThat(TicketStateMachine.allows(SOLVED, PENDING_CUSTOMER)).isFalse();
	}

	@Test
	void onlySolvedTicketsMayBeClosed() {
		for (TicketState from : TicketState.values()) {
			if (from != SOLVED && from != CLOSED) {
				assertThat(TicketStateMachine.allows(from, CLOSED)).as(from + " -> CLOSED").isFalse();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = TicketState.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
	void letsNothingLeaveClosed(TicketState to) {
		assertThat(TicketStateMachine.allows(CLOSED, to)).isFalse();
		assertThatThrownBy(() -> TicketStateMachine.check(CLOSED, to)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("follow-up");
	}

	@Test
	void explainsAForbiddenTransition() {
		assertThatThrownBy(() -> TicketStateMachine.check(NEW, CLOSED)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot move from NEW to CLOSED");
	}

	@Test
	void treatsStayingInTheSameStateAsAllowed() {
		for (TicketState state : TicketState.values()) {
			assertThat(TicketStateMachine.allows(state, state)).isTrue();
		}
	}

	@Nested
	@DisplayName("when the customer writes")
	class CustomerMessage {

		@Test
		void reopensSolvedTicketWhenCustomerReplies() {
			assertThat(TicketStateMachine.afterCustomerMessage(SOLVED)).isEqualTo(OPEN);
		}

		@Test
		void reopensPendingAndOnHoldTickets() {
			assertThat(TicketStateMachine.afterCustomerMessage(PENDING_CUSTOMER)).isEqualTo(OPEN);
			assertThat(TicketStateMachine.afterCustomerMessage(ON_HOLD)).isEqualTo(OPEN);
		}

		@Test
		void leavesNewAndOpenTicketsAsTheyAre() {
			assertThat(TicketStateMachine.afterCustomerMessage(NEW)).isEqualTo(NEW);
			assertThat(TicketStateMachine.afterCustomerMessage(OPEN)).isEqualTo(OPEN);
		}

		@Test
		void refusesAMessageOnAClosedTicket() {
			assertThatThrownBy(() -> TicketStateMachine.afterCustomerMessage(CLOSED))
				.isInstanceOf(InvalidInputException.class);
		}

	}

	@Nested
	@DisplayName("when an agent replies publicly")
	class AgentReply {

		@Test
		void opensANewTicket() {
			assertThat(TicketStateMachine.afterPublicReply(NEW)).isEqualTo(OPEN);
		}

		@Test
		void keepsTheStateOfOtherTickets() {
			assertThat(TicketStateMachine.afterPublicReply(PENDING_CUSTOMER)).isEqualTo(PENDING_CUSTOMER);
			assertThat(TicketStateMachine.afterPublicReply(SOLVED)).isEqualTo(SOLVED);
		}

	}

}
