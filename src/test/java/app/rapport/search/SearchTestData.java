package app.rapport.search;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import app.rapport.customer.Contact;
import app.rapport.customer.ContactRole;
import app.rapport.customer.Organization;
import app.rapport.customer.OrganizationKind;
import app.rapport.ticket.Priority;
import app.rapport.ticket.Ticket;
import app.rapport.ticket.TicketType;
import jakarta.persistence.EntityManager;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes tickets, contacts and organizations through JPA (so Hibernate Search indexes them on commit), for
 * search tests. Each test adds a random {@link #marker()} word to its texts, so that its queries find only
 * its own documents, whatever other test classes have indexed in the shared context.
 */
final class SearchTestData {

	private final EntityManager em;

	private final TransactionTemplate tx;

	private final Clock clock;

	SearchTestData(EntityManager em, TransactionTemplate tx, Clock clock) {
		this.em = em;
		this.tx = tx;
		this.clock = clock;
	}

	/** A random word of letters that no analyzer splits, stems oddly or drops. */
	static String marker() {
		StringBuilder sb = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return sb.append("x").toString();
	}

	Organization organization(String name, String domain) {
		return tx.execute(s -> {
			Organization o = new Organization(name, OrganizationKind.COMPANY, "en", now());
			o.setDomain(domain);
			em.persist(o);
			return o;
		});
	}

	Contact contact(String name, String email, Long organizationId) {
		return tx.execute(s -> {
			Contact c = new Contact(name, "en", now());
			c.addEmail(email);
			c.setOrganization(organizationId, organizationId == null ? null : ContactRole.USER);
			em.persist(c);
			return c;
		});
	}

	/** Marks {@code merged} as merged into {@code target}, the way the customer module's merge leaves it. */
	void markMerged(Contact merged, Contact target) {
		tx.executeWithoutResult(s -> {
			em.createNativeQuery("update contact set merged_into_id = ?1 where id = ?2")
				.setParameter(1, target.getId())
				.setParameter(2, merged.getId())
				.executeUpdate();
			recordChange(IndexedChange.Kind.CONTACT, merged.getId());
		});
	}

	Ticket ticket(String subject, long requesterId, long groupId, Long ownerId, String... messages) {
		Ticket ticket = tx.execute(s -> {
			Ticket t = new Ticket(subject, TicketType.COMPLAINT, Priority.HIGH, requesterId, null, groupId, "API", now());
			for (String body : messages) {
				t.addMessage(null, requesterId, true, body, null, now());
			}
			em.persist(t);
			return t;
		});
		if (ownerId != null) {
			// Assignment belongs to the ticket module (not on this branch): set the owner by SQL, then re-index.
			tx.executeWithoutResult(s -> {
				em.createNativeQuery("update ticket set owner_id = ?1 where id = ?2")
					.setParameter(1, ownerId)
					.setParameter(2, ticket.getId())
					.executeUpdate();
				recordChange(IndexedChange.Kind.CONVERSATION, ticket.getId());
			});
		}
		return ticket;
	}

	/**
	 * {@code count} tickets with {@code subject} and the same {@code messagesEach} messages {@code body}, written in
	 * one transaction: for the counting thresholds of search, which need thousands of matching documents.
	 */
	void manyTickets(int count, String subject, int messagesEach, String body, long requesterId, long groupId) {
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < count; i++) {
				Ticket t = new Ticket(subject, TicketType.QUESTION, Priority.NORMAL, requesterId, null, groupId, "API",
						now());
				for (int j = 0; j < messagesEach; j++) {
					t.addMessage(null, requesterId, true, body, null, now());
				}
				em.persist(t);
				if (i % 200 == 199) {
					em.flush();
					em.clear();
				}
			}
		});
	}

	/**
	 * Records a change made by SQL the way {@link ChangeRecorder} records one made through Hibernate, in the
	 * same transaction: indexing it directly instead would race the background indexer, which may still be
	 * writing the document it read before this change.
	 */
	private void recordChange(IndexedChange.Kind kind, long id) {
		em.createNativeQuery(ChangeRecorder.INSERT)
			.setParameter(1, java.util.UUID.randomUUID().toString())
			.setParameter(2, kind.name())
			.setParameter(3, id)
			.setParameter(4, now())
			.executeUpdate();
	}

	private Instant now() {
		return clock.instant();
	}

}
