package app.rapport.customer;

/** What a custom attribute describes: a contact or an organization. */
public enum AttributeTarget {

	CONTACT, ORGANIZATION

}
