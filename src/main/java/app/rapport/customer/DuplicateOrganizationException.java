package app.rapport.customer;

import app.rapport.shared.ConflictException;

/** Refuses an organization whose name (ignoring case) another organization already has (answered as 409). */
public class DuplicateOrganizationException extends ConflictException {

	private final OrganizationChoice existing;

	public DuplicateOrganizationException(OrganizationChoice existing) {
		super("An organization named " + existing.name() + " already exists (#" + existing.id() + ").");
		this.existing = existing;
	}

	public OrganizationChoice existing() {
		return existing;
	}

}
