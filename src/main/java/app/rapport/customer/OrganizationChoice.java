package app.rapport.customer;

/** An organization's id and name, for pickers. */
public record OrganizationChoice(long id, String name) {
}
