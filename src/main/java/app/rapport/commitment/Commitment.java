package app.rapport.commitment;

import java.util.Locale;

/** What we promise a customer on a ticket: a first response, updates at a cadence, a resolution. */
public enum Commitment {

	FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION;

	/** The key used in the API, message bundles and stored pause rules: {@code first_response} etc. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Commitment fromKey(String key) {
		for (Commitment c : values()) {
			if (c.key().equalsIgnoreCase(key.strip())) {
				return c;
			}
		}
		throw new IllegalArgumentException("unknown commitment '" + key + "'; use first_response, next_update or resolution");
	}

}
