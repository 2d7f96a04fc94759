package app.rapport.customer;

/** The kind of value a custom attribute holds. */
public enum AttributeType {

	TEXT, NUMBER, DATE, CHOICE

}
