package app.rapport.customer;

/** The part a contact plays at their organization. */
public enum ContactRole {

	DECISION_MAKER, USER, PAYER, OTHER

}
