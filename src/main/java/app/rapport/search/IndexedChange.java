package app.rapport.search;

import java.util.Set;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;

/**
 * Index documents that a transaction changed: the kind of work and the entity's id. Decides which entity
 * changes matter to the index at all, so that a reply re-indexes its own message, not its conversation.
 */
record IndexedChange(Kind kind, long id) {

	/** What to index again, by the name stored in {@code search_pending.entity}. */
	enum Kind {

		/** The ticket's own document. */
		TICKET,
		/** The ticket's document and those of all its messages, which carry copies of its fields. */
		CONVERSATION,
		/** One message's document. */
		MESSAGE, CONTACT, ORGANIZATION

	}

	/** The ticket properties that the message documents copy (see {@link ConversationBinder}). */
	private static final Set<String> COPIED_TO_MESSAGES = Set.of("subject", "groupId", "ownerId", "tags");

	/** The work after an entity was inserted or deleted, or {@code null} when it is not indexed. */
	static IndexedChange ofInsertOrDelete(Object entity) {
		if (entity instanceof Ticket t && t.getId() != null) {
			return new IndexedChange(Kind.TICKET, t.getId());
		}
		return ofOther(entity);
	}

	/**
	 * The work after an entity was updated ({@code dirty}: the names of the changed properties, or
	 * {@code null} when unknown), or {@code null} when nothing indexed changed: a reply that touches only its
	 * ticket's state and update time needs no work on the ticket's documents.
	 */
	static IndexedChange ofUpdate(Object entity, Set<String> dirty) {
		if (entity instanceof Ticket t && t.getId() != null) {
			boolean copied = dirty == null || dirty.stream().anyMatch(COPIED_TO_MESSAGES::contains);
			return copied ? new IndexedChange(Kind.CONVERSATION, t.getId()) : null;
		}
		return ofOther(entity);
	}

	/** The work after a collection of {@code owner} changed ({@code property}: the collection's name). */
	static IndexedChange ofCollection(Object owner, String property) {
		if (owner instanceof Ticket t && t.getId() != null) {
			// The message collection changes with every reply; the messages themselves are recorded.
			return COPIED_TO_MESSAGES.contains(property) ? new IndexedChange(Kind.CONVERSATION, t.getId()) : null;
		}
		return ofOther(owner);
	}

	private static IndexedChange ofOther(Object entity) {
		if (entity instanceof Message m && m.getId() != null) {
			return new IndexedChange(Kind.MESSAGE, m.getId());
		}
		if (entity instanceof Contact c && c.getId() != null) {
			return new IndexedChange(Kind.CONTACT, c.getId());
		}
		if (entity instanceof Organization o && o.getId() != null) {
			return new IndexedChange(Kind.ORGANIZATION, o.getId());
		}
		return null;
	}

}
