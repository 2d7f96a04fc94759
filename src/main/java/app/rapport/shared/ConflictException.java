package app.rapport.shared;

/** Thrown when a change conflicts with the current state, e.g. a stale version (answered as 409). */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}

}
