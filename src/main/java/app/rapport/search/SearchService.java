package app.rapport.search;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import app.rapport.customer.Contact;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.customer.Organization;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.UserDirectory;
import app.rapport.search.SearchResults.ContactHit;
import app.rapport.search.SearchResults.Hits;
import app.rapport.search.SearchResults.OrganizationHit;
import app.rapport.search.SearchResults.TicketHit;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;
import app.rapport.ticket.TicketService;
import app.rapport.ticket.TicketSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Global full-text search over tickets (subject and messages), contacts and organizations, in all four
 * languages, with the caller's ticket visibility enforced inside the query and checked again against the
 * database for the tickets returned (the index may hold a group or owner that has changed since).
 * <p>
 * Every text property is indexed three times ({@code _zh}, {@code _bg}, {@code _en}); the query string is
 * analyzed by each field's own analyzer, and each whitespace-separated word must match (AND) in at least one
 * of the fields. So {@code 投訴 оплакване} needs both words, each found by the analyzer that understands it.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

	/** Totals are counted exactly up to this many hits; above, the count is a lower bound (and cheap). */
	public static final int EXACT_TOTAL_UP_TO = 1000;

	/**
	 * Up to this many matching documents (a ticket's subject, each message) the distinct tickets among them are
	 * counted, which is cheap. Beyond, counting them costs in proportion to the matches (100-400 ms for a
	 * common word at 6 M documents, even cut short by a time limit: the aggregation's work per index segment
	 * is not), so the total is a lower bound instead: the tickets whose own document matches (subject, tags),
	 * counted up to {@value #EXACT_TOTAL_UP_TO} + 1, or the visible tickets found while ranking, whichever is
	 * larger. A word of the subject matches every message of the ticket too (each carries the subject), so
	 * 834 tickets of five messages already make 5,004 documents.
	 */
	static final int COUNTED_DOCUMENTS_UP_TO = 5 * EXACT_TOTAL_UP_TO;

	private static final AggregationKey<Map<Long, Long>> TICKETS = AggregationKey.of("tickets");

	/** Quotes for phrases, -word, a | b and parentheses work; prefix and fuzzy syntax stay plain text. */
	private static final Set<SimpleQueryFlag> FLAGS = EnumSet.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
			SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.ESCAPE,
			SimpleQueryFlag.WHITESPACE);

	@PersistenceContext
	private EntityManager entityManager;

	private final UserDirectory users;

	private final CustomerDirectory customers;

	private final TicketService tickets;

	SearchService(UserDirectory users, CustomerDirectory customers, TicketService tickets) {
		this.users = users;
		this.customers = customers;
		this.tickets = tickets;
	}

	/** Searches every kind for {@code query} (see {@link SearchQuery#of}) as {@code user} may see it. */
	public SearchResults search(String query, Integer limit, CurrentUser user) {
		SearchQuery q = SearchQuery.of(query, limit);
		SearchSession session = Search.session(entityManager);
		return new SearchResults(q.text(), q.limit(), tickets(session, q, user), contacts(session, q),
				organizations(session, q));
	}

	private Hits<TicketHit> tickets(SearchSession session, SearchQuery q, CurrentUser user) {
		Set<Long> groupIds = user.seesAllTickets() ? Set.of() : users.groupIdsOf(user.id());
		// A ticket's documents: its own (subject) and one per message (with a copy of the subject): one hit per
		// document, so a ticket may come several times; the best-scored one places it.
		Function<SearchPredicateFactory, PredicateFinalStep> where = f -> {
			var matches = f.or()
				.add(f.simpleQueryString()
					.fields(SearchMapping.SUBJECT)
					.boost(2f)
					.fields(SearchMapping.TEXT)
					.matching(q.text())
					.defaultOperator(BooleanOperator.AND)
					.flags(FLAGS))
				.add(f.match().field(SearchMapping.TAGS).matching(q.text()));
			q.ticketNumber().ifPresent(number -> matches.add(f.match().field(SearchMapping.TICKET_ID).matching(number).boost(100f)));
			var bool = f.bool().must(matches);
			if (!user.seesAllTickets()) {
				bool.filter(visibleTo(f, user, groupIds));
			}
			return bool;
		};
		var query = session.search(List.of(Ticket.class, Message.class))
			.select(f -> f.field(SearchMapping.TICKET_ID, Long.class))
			.where(where::apply)
			.sort(f -> f.score().then().field(SearchMapping.CREATED_AT).desc())
			// Counting every matching document costs per match: stop counting past the threshold.
			.totalHitCountThreshold(COUNTED_DOCUMENTS_UP_TO)
			.toQuery();
		// Projections read stored fields, which cost per hit: fetch a few pages' worth, more only if needed.
		int batch = Math.max(4 * q.limit(), 40);
		SearchResult<Long> first = query.fetch(batch);
		// Few enough documents: the distinct tickets among them from doc values (a terms aggregation).
		boolean fewDocuments = first.total().isHitCountExact();
		Map<Long, Long> matching = fewDocuments
				? session.search(List.of(Ticket.class, Message.class))
					.where(where::apply)
					.aggregation(TICKETS,
							f -> f.terms().field(SearchMapping.TICKET_ID, Long.class).maxTermCount(EXACT_TOTAL_UP_TO + 1))
					.fetch(0)
					.aggregation(TICKETS)
				: Map.of();
		Set<Long> ranked = new LinkedHashSet<>();
		Map<Long, TicketSummary> visible = new HashMap<>();
		List<Long> hits = first.hits();
		int offset = 0;
		while (true) {
			List<Long> fresh = hits.stream().filter(Objects::nonNull).filter(ranked::add).toList();
			// The index filters by the group and owner it holds; the database says who may see the ticket now.
			visible.putAll(tickets.visibleAmong(fresh, user));
			if (visible.size() >= q.limit() || hits.size() < batch) {
				break;
			}
			offset += batch;
			hits = query.fetchHits(offset, batch);
		}
		if (!fewDocuments) {
			// Many documents: a lower bound, never more tickets than certainly match (see COUNTED_DOCUMENTS_UP_TO).
			// When the index is behind the database (a hit the caller may no longer see), only the tickets the
			// database confirmed count.
			long ownDocuments = visible.size() < ranked.size() ? 0
					: session.search(Ticket.class).where(where::apply).totalHitCountThreshold(EXACT_TOTAL_UP_TO + 1)
						.fetchTotalHitCount();
			long atLeast = Math.max(ownDocuments, visible.size());
			return new Hits<>(ticketHits(ranked, visible, q.limit()), Math.min(atLeast, EXACT_TOTAL_UP_TO), false);
		}
		boolean exact = matching.size() <= EXACT_TOTAL_UP_TO;
		long total = Math.min(matching.size(), EXACT_TOTAL_UP_TO);
		if (visible.size() < ranked.size()) {
			// The index is behind the database (a ticket moved away or is gone, e.g. after a crash until the
			// index is repaired): check every ticket the total counts, so that the total does not count them.
			total = Math.min(tickets.visibleAmong(matching.keySet(), user).size(), EXACT_TOTAL_UP_TO);
		}
		return new Hits<>(ticketHits(ranked, visible, q.limit()), total, exact);
	}

	private static List<TicketHit> ticketHits(Collection<Long> ids, Map<Long, TicketSummary> visible, int limit) {
		return ids.stream()
			.map(visible::get)
			.filter(Objects::nonNull)
			.limit(limit)
			.map(t -> new TicketHit(t.id(), t.number(), t.subject(), t.state(), t.priority(), t.createdAt(),
					t.updatedAt()))
			.toList();
	}

	/** An agent sees the tickets of their groups and the ones they own (the module-wide visibility rule). */
	private static PredicateFinalStep visibleTo(SearchPredicateFactory f, CurrentUser user, Set<Long> groupIds) {
		var visible = f.or().add(f.match().field(SearchMapping.OWNER_ID).matching(user.id()));
		if (!groupIds.isEmpty()) {
			visible.add(f.terms().field(SearchMapping.GROUP_ID).matchingAny(groupIds));
		}
		return visible;
	}

	private Hits<ContactHit> contacts(SearchSession session, SearchQuery q) {
		SearchResult<Long> result = session.search(Contact.class)
			.select(f -> f.id(Long.class))
			.where(f -> f.bool()
				.must(f.or()
					.add(names(f, q))
					.add(f.match().field("primaryEmail").matching(q.text())))
				.mustNot(f.exists().field("mergedIntoId")))
			.totalHitCountThreshold(EXACT_TOTAL_UP_TO)
			.fetch(q.limit());
		// One query for the contacts and their organizations' names, in the order of relevance.
		Map<Long, ContactSummary> found = customers.contacts(result.hits());
		List<ContactHit> items = result.hits()
			.stream()
			.map(found::get)
			.filter(Objects::nonNull)
			.map(c -> new ContactHit(c.id(), c.name(), c.latinName(), c.email(), c.organizationId(), c.organizationName()))
			.toList();
		return hits(items, result);
	}

	private Hits<OrganizationHit> organizations(SearchSession session, SearchQuery q) {
		SearchResult<Organization> result = session.search(Organization.class)
			.where(f -> f.or()
				.add(names(f, q))
				.add(f.match().field("domain").matching(q.text())))
			.totalHitCountThreshold(EXACT_TOTAL_UP_TO)
			.fetch(q.limit());
		List<OrganizationHit> items = result.hits()
			.stream()
			.map(o -> new OrganizationHit(o.getId(), o.getName(), o.getLatinName(), o.getDomain()))
			.toList();
		return hits(items, result);
	}

	private static PredicateFinalStep names(SearchPredicateFactory f, SearchQuery q) {
		return f.simpleQueryString()
			.fields(SearchMapping.NAMES)
			.field("latinName_en")
			.matching(q.text())
			.defaultOperator(BooleanOperator.AND)
			.flags(FLAGS);
	}

	private static <T> Hits<T> hits(List<T> items, SearchResult<?> result) {
		return new Hits<>(items, result.total().hitCountLowerBound(), result.total().isHitCountExact());
	}

}
