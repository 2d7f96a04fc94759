package app.rapport.commitment;

import java.util.Locale;

/** Where a commitment clock stands. */
public enum ClockState {

	RUNNING, PAUSED, MET, BREACHED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
