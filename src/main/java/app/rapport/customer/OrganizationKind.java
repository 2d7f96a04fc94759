package app.rapport.customer;

/** A company we serve, or one of our own departments served as an internal customer. */
@org.springframework.modulith.NamedInterface("api")
public enum OrganizationKind {

	COMPANY, INTERNAL

}
