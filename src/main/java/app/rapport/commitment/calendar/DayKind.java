package app.rapport.commitment.calendar;

/** Whether a calendar day is an exception that removes working time or one that adds it. */
public enum DayKind {

	HOLIDAY, WORKING_DAY

}
