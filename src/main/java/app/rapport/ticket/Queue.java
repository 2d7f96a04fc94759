package app.rapport.ticket;

/** The ticket lists agents work from. */
public enum Queue {

	/** Active tickets I own. */
	MINE,
	/** Active tickets of my groups. */
	GROUPS,
	/** Active tickets nobody owns yet (that I may see). */
	UNASSIGNED,
	/** Every ticket I may see, in any state. */
	ALL

}
