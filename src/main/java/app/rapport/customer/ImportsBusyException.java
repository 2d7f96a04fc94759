package app.rapport.customer;

/** Refuses a new import while as many imports as may wait are already waiting. */
public class ImportsBusyException extends RuntimeException {

	ImportsBusyException(int waiting) {
		super("Another " + waiting + " imports are waiting to run; try again in a minute.");
	}

}
