package app.rapport.identity;

import app.rapport.shared.ConflictException;

/** Another user already has this e-mail address (answered 409 by the API, a field error by the forms). */
public class EmailTakenException extends ConflictException {

	public EmailTakenException(String email) {
		super("The e-mail address " + email + " is already in use by another user.");
	}

}
