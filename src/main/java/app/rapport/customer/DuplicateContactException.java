package app.rapport.customer;

import app.rapport.shared.ConflictException;

/** Refuses a contact whose e-mail or phone already belongs to another contact (answered as 409). */
public class DuplicateContactException extends ConflictException {

	private final DuplicateCheck.Duplicate duplicate;

	public DuplicateContactException(DuplicateCheck.Duplicate duplicate) {
		super(duplicate.describe());
		this.duplicate = duplicate;
	}

	public DuplicateCheck.Duplicate duplicate() {
		return duplicate;
	}

}
