package app.rapport.ticket;

/** How urgent a ticket is. */
@org.springframework.modulith.NamedInterface("api")
public enum Priority {

	LOW, NORMAL, HIGH, URGENT;

	/** The rank stored beside the priority (1 low … 4 urgent), by which lists sort through an index. */
	public int rank() {
		return ordinal() + 1;
	}

}
