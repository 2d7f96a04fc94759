package app.rapport.ticket;

/** What the customer came for. */
public enum TicketType {

	QUESTION, REQUEST, COMPLAINT, RETURN_EXCHANGE, SUGGESTION, PRAISE, INCIDENT

}
