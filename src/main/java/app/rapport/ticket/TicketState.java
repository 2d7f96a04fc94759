package app.rapport.ticket;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket stands: new, open, pending customer, on hold (third party), solved, closed (final). */
@org.springframework.modulith.NamedInterface("api")
public enum TicketState {

	NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED, CLOSED;

	/** States in which a ticket still needs work from us (counted for "least open" assignment and queues). */
	public static final Set<TicketState> ACTIVE = EnumSet.of(NEW, OPEN, PENDING_CUSTOMER, ON_HOLD);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

}
