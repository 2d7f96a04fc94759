package app.rapport.ticket;

/** A named reference to a user, group, contact or ticket, as shown next to a ticket. */
public record Ref(long id, String name) {
}
