package app.rapport.customer;

/** A company we serve, or one of our own departments served as an internal customer. */
public enum OrganizationKind {

	COMPANY, INTERNAL

}
