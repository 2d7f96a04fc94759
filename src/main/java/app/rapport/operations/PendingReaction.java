package app.rapport.operations;

import java.time.Instant;
import java.util.UUID;

/**
 * A reaction to an event that has not completed: waiting for its first try, running, failed and waiting for
 * the next try, or resubmitted.
 *
 * @param event the event's simple class name (a message key part, never shown as is)
 * @param reaction the reacting class's simple name (a message key part, never shown as is)
 * @param nextAttempt when a failed one is tried again; {@code null} unless failed
 */
public record PendingReaction(UUID id, String event, String reaction, Instant publishedAt, Status status,
		int attempts, Instant lastResubmittedAt, Instant nextAttempt) {

	/** Where it stands, as the registry records it. */
	public enum Status {

		/** Stored with the publishing transaction, not yet started. */
		PUBLISHED,
		/** Running now. */
		PROCESSING,
		/** It threw; waits for its next try. */
		FAILED,
		/** Handed to its listener again. */
		RESUBMITTED;

		static Status of(String stored) {
			return stored == null ? PUBLISHED : valueOf(stored);
		}

		/** Message key of its label. */
		public String key() {
			return "operations.status." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Message key of the event's name. */
	public String eventKey() {
		return "operations.event." + event;
	}

	/** Message key of the reaction's name. */
	public String reactionKey() {
		return "operations.reaction." + reaction;
	}

}
