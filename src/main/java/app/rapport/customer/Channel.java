package app.rapport.customer;

/** A way a customer reaches us or prefers to be reached. */
public enum Channel {

	EMAIL, PHONE, PORTAL, WEB_FORM, VISIT, API

}
