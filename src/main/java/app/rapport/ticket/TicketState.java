package app.rapport.ticket;

/** Where a ticket stands: new, open, pending customer, on hold (third party), solved, closed (final). */
public enum TicketState {

	NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED, CLOSED

}
