package app.rapport.customer;

import java.util.Locale;

/** What a CSV file imports: contacts or organizations. */
public enum ImportTarget {

	CONTACTS, ORGANIZATIONS;

	/** The lower-case name used in addresses: {@code contacts} or {@code organizations}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

}
