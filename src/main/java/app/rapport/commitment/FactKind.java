package app.rapport.commitment;

/** What a stored ticket fact records: the ticket events, plus a change of the plan in force. */
enum FactKind {

	OPENED, CUSTOMER_MESSAGE, PUBLIC_REPLY, CHANGED, PLAN_CHANGED

}
