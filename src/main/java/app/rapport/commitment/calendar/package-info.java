/** Business calendars: working hours, holidays and moved working days, and iCalendar import and export. */
package app.rapport.commitment.calendar;
