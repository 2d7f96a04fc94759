package app.rapport.ticket;

/** How one ticket relates to another. */
public enum LinkKind {

	/** About the same matter. */
	RELATED,
	/** Opened because the other (closed) ticket came back. */
	FOLLOW_UP_OF,
	/** Asks the same as the other ticket. */
	DUPLICATE_OF

}
