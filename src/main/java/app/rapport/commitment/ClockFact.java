package app.rapport.commitment;

import java.time.Instant;

import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;

/** One fact about a ticket with the ticket's state, priority, type and plan from that instant on. */
record ClockFact(Instant at, FactKind kind, TicketState state, Priority priority, TicketType type, long planId) {
}
