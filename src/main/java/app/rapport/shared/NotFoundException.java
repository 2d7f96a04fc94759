package app.rapport.shared;

/** Thrown when a thing does not exist or the caller may not know that it exists (answered as 404). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
