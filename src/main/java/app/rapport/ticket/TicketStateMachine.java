package app.rapport.ticket;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.rapport.shared.InvalidInputException;

/**
 * The allowed moves between ticket states, and what a new message does to the state. Closed is final:
 * nothing leaves it; a customer who writes again gets a follow-up ticket linked to the closed one.
 */
public final class TicketStateMachine {

	private static final Map<TicketState, Set<TicketState>> ALLOWED = new EnumMap<>(TicketState.class);

	static {
		ALLOWED.put(TicketState.NEW, EnumSet.of(TicketState.OPEN, TicketState.PENDING_CUSTOMER, TicketState.ON_HOLD,
				TicketState.SOLVED));
		ALLOWED.put(TicketState.OPEN, EnumSet.of(TicketState.PENDING_CUSTOMER, TicketState.ON_HOLD, TicketState.SOLVED));
		ALLOWED.put(TicketState.PENDING_CUSTOMER, EnumSet.of(TicketState.OPEN, TicketState.ON_HOLD, TicketState.SOLVED));
		ALLOWED.put(TicketState.ON_HOLD, EnumSet.of(TicketState.OPEN, TicketState.PENDING_CUSTOMER, TicketState.SOLVED));
		ALLOWED.put(TicketState.SOLVED, EnumSet.of(TicketState.OPEN, TicketState.CLOSED));
		ALLOWED.put(TicketState.CLOSED, EnumSet.noneOf(TicketState.class));
	}

	private TicketStateMachine() {
	}

	/** Whether a ticket may move from {@code from} to {@code to}; staying in the same state is always allowed. */
	public static boolean allows(TicketState from, TicketState to) {
		return from == to || ALLOWED.get(from).contains(to);
	}

	/** The states a ticket in {@code from} may move to (not including {@code from} itself). */
	public static Set<TicketState> nextStates(TicketState from) {
		return EnumSet.copyOf(ALLOWED.get(from));
	}

	/** Throws a 400-style error naming both states when the move is not allowed. */
	public static void check(TicketState from, TicketState to) {
		if (allows(from, to)) {
			return;
		}
		String reason = from == TicketState.CLOSED
				? "a closed ticket cannot change state; open a follow-up ticket instead"
				: "cannot move from " + from + " to " + to + " (allowed: " + ALLOWED.get(from) + ")";
		throw new InvalidInputException("state", reason);
	}

	/**
	 * The state after the customer writes: a pending, on-hold or solved ticket opens again. Refused on a
	 * closed ticket (the caller opens a follow-up instead).
	 */
	public static TicketState afterCustomerMessage(TicketState current) {
		return switch (current) {
			case PENDING_CUSTOMER, ON_HOLD, SOLVED -> TicketState.OPEN;
			case NEW, OPEN -> current;
			case CLOSED -> throw new InvalidInputException("state",
					"a closed ticket takes no new messages; open a follow-up ticket instead");
		};
	}

	/** The state after an agent's public reply: a new ticket becomes open; others keep their state. */
	public static TicketState afterPublicReply(TicketState current) {
		return switch (current) {
			case NEW -> TicketState.OPEN;
			case CLOSED -> throw new InvalidInputException("state",
					"a closed ticket takes no new replies; open a follow-up ticket instead");
			default -> current;
		};
	}

}
