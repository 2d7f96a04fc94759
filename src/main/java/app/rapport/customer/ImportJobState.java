package app.rapport.customer;

/** Where a background import stands. */
public enum ImportJobState {

	/** Waiting for the import before it to finish. */
	QUEUED,
	/** Reading the file and checking its rows. */
	CHECKING,
	/** Writing the valid rows; nothing is visible until the end. */
	WRITING,
	/** Finished: the report says what was written. */
	DONE,
	/** Stopped: nothing was written. */
	FAILED;

	public boolean finished() {
		return this == DONE || this == FAILED;
	}

}
