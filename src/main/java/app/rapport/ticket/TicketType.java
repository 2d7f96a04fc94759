package app.rapport.ticket;

/** What the customer came for. */
@org.springframework.modulith.NamedInterface("api")
public enum TicketType {

	QUESTION, REQUEST, COMPLAINT, RETURN_EXCHANGE, SUGGESTION, PRAISE, INCIDENT

}
