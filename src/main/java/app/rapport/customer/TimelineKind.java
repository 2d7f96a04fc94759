package app.rapport.customer;

/** What happened on a customer's timeline. */
@org.springframework.modulith.NamedInterface("api")
public enum TimelineKind {

	TICKET_OPENED, MESSAGE_RECEIVED, REPLY_SENT, INTERNAL_NOTE, CALL, VISIT, MEETING, NOTE, MERGED

}
