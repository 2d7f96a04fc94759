package app.rapport.customer;

/** The part a contact plays at their organization. */
@org.springframework.modulith.NamedInterface("api")
public enum ContactRole {

	DECISION_MAKER, USER, PAYER, OTHER

}
