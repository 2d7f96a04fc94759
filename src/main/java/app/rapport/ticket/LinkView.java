package app.rapport.ticket;

/**
 * A link seen from one ticket: {@code outgoing} means "this ticket is {@code kind} the other one",
 * otherwise "the other ticket is {@code kind} this one".
 */
public record LinkView(long id, LinkKind kind, boolean outgoing, long otherTicketId, String otherSubject,
		TicketState otherState) {
}
