package app.rapport.identity;

/**
 * A user was given a one-time link to choose their password: as an invitation when an admin created them
 * without one, or on an admin's request later. It carries no secret (it is stored in the event publication
 * registry): the mailer asks {@link UserAdministration#mintPasswordLink} for one when it writes the mail.
 *
 * @param invitation whether the account is new
 */
@org.springframework.modulith.NamedInterface("api")
public record PasswordLinkIssued(long linkId, long userId, boolean invitation) {
}
