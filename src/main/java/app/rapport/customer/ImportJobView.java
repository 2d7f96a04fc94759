package app.rapport.customer;

import java.time.Instant;

/**
 * A background import as pages and the API show it: its state, how many of the file's rows are checked
 * and written, and once done its report; for a failed one, {@code errorCode} ({@code failed}, {@code stopped}
 * or {@code interrupted}) and {@code error} say why.
 */
public record ImportJobView(String id, ImportTarget target, ImportJobState state, String fileName, String charset,
		int rows, int rowsToWrite, int rowsWritten, Instant createdAt, Instant finishedAt, ImportReport report,
		String errorCode, String error) {

	/** How much of the writing is done, 0 to 100. */
	public int percent() {
		if (state == ImportJobState.DONE) {
			return 100;
		}
		return rowsToWrite == 0 ? 0 : (int) (100L * rowsWritten / rowsToWrite);
	}

}
