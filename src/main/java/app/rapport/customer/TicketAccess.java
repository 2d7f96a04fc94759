package app.rapport.customer;

/**
 * Which ticket a timeline entry is about, with the ticket's group and owner as they are now: what the
 * ticket's visibility rule needs (agents see their groups' tickets and their own).
 *
 * @param ticketId the ticket
 * @param groupId its group; never {@code null} for a stored ticket
 * @param ownerId its owner, {@code null} while unassigned
 */
@org.springframework.modulith.NamedInterface("api")
public record TicketAccess(long ticketId, Long groupId, Long ownerId) {
}
