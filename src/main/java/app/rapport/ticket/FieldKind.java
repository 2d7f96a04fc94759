package app.rapport.ticket;

/** The kind of value an admin-defined ticket field holds. */
public enum FieldKind {

	TEXT, NUMBER, DATE, CHOICE

}
