package app.rapport.commitment.calendar;

/** A problem in an iCalendar file at a 1-based physical line, or line 0 for the whole file. */
public record IcsProblem(int line, String reason) {

	@Override
	public String toString() {
		return line == 0 ? reason : "line " + line + ": " + reason;
	}

}
