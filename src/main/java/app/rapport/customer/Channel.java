package app.rapport.customer;

/** A way a customer reaches us or prefers to be reached. */
@org.springframework.modulith.NamedInterface("api")
public enum Channel {

	EMAIL, PHONE, PORTAL, WEB_FORM, VISIT, API

}
