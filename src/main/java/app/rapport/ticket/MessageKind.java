package app.rapport.ticket;

/** Who wrote a message and who may read it. */
public enum MessageKind {

	/** Written by the requester (e-mail, portal, or logged by an agent from a call). */
	CUSTOMER,
	/** An agent's reply the customer sees. */
	PUBLIC_REPLY,
	/** An agent's note only colleagues see. */
	INTERNAL_NOTE

}
