package app.rapport.ticket;

/** How urgent a ticket is. */
public enum Priority {

	LOW, NORMAL, HIGH, URGENT

}
