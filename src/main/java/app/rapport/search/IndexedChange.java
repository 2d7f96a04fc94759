package app.rapport.search;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;

/**
 * One document of the index that a transaction changed: the indexed entity's kind and id. A message is the
 * ticket it belongs to, because messages are indexed inside their ticket's document.
 */
record IndexedChange(Kind kind, long id) {

	/** The indexed entity types, by the name stored in {@code search_pending.entity}. */
	enum Kind {

		TICKET(Ticket.class), CONTACT(Contact.class), ORGANIZATION(Organization.class);

		final Class<?> type;

		Kind(Class<?> type) {
			this.type = type;
		}

	}

	/** The document an entity belongs to, or {@code null} when it is not part of the index. */
	static IndexedChange of(Object entity) {
		if (entity instanceof Ticket t && t.getId() != null) {
			return new IndexedChange(Kind.TICKET, t.getId());
		}
		if (entity instanceof Message m && m.getTicket() != null && m.getTicket().getId() != null) {
			return new IndexedChange(Kind.TICKET, m.getTicket().getId());
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
