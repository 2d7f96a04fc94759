package app.rapport.identity;

import java.util.Locale;

/** A permission an API token carries; granted as authority {@code SCOPE_read} etc. */
public enum Scope {

	READ, WRITE, ADMIN;

	public String authority() {
		return "SCOPE_" + name().toLowerCase(Locale.ROOT);
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
