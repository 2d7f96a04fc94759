package app.rapport.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import app.rapport.shared.CappedPage;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/** Builds the queue and filter queries; visibility is part of every query, never a filter afterwards. */
@Component
class TicketFinder {

	@PersistenceContext
	private EntityManager em;

	/**
	 * A page with its total: from the counters when they know the filters, else counted up to
	 * {@link CappedPage#CAP} + 1 (then an estimate), never by a count over every matching ticket.
	 */
	Page<Ticket> find(TicketQuery query, Pageable pageable, Viewer viewer, TicketCounters counters) {
		List<Ticket> content = content(query, pageable, viewer);
		var counted = counters.count(query, viewer);
		if (counted.isPresent()) {
			return new CappedPage<>(content, pageable, counted.getAsLong(), false);
		}
		long capped = cappedCount(query, viewer);
		return new CappedPage<>(content, pageable, capped, capped > CappedPage.CAP);
	}

	/** How many tickets match, counting no further than {@link CappedPage#CAP} + 1. */
	long cappedCount(TicketQuery query, Viewer viewer) {
		CriteriaBuilder cb = em.getCriteriaBuilder();
		CriteriaQuery<Long> ids = cb.createQuery(Long.class);
		Root<Ticket> root = ids.from(Ticket.class);
		ids.select(root.get("id")).where(predicates(cb, root, query, viewer));
		return em.createQuery(ids).setMaxResults(CappedPage.CAP + 1).getResultList().size();
	}

	/**
	 * The tickets that follow {@code after} in the query's order (keyset: no OFFSET, so the hundredth page
	 * costs what the first does), at most {@code size}; {@code after} {@code null} starts at the beginning.
	 */
	List<Ticket> after(TicketQuery query, Cursor after, int size, Viewer viewer) {
		CriteriaBuilder cb = em.getCriteriaBuilder();
		CriteriaQuery<Ticket> select = cb.createQuery(Ticket.class);
		Root<Ticket> root = select.from(Ticket.class);
		List<Predicate> where = new ArrayList<>(List.of(predicates(cb, root, query, viewer)));
		if (after != null) {
			where.add(beyond(cb, root, query, after));
		}
		select.select(root).where(where.toArray(Predicate[]::new)).orderBy(order(cb, root, query));
		return em.createQuery(select).setMaxResults(size).getResultList();
	}

	/** Where a ticket stands in a list's order: the sort keys of {@link #order} and the id. */
	record Cursor(Instant createdAt, Instant updatedAt, int priorityRank, long id) {

		static Cursor of(TicketView t) {
			return new Cursor(t.createdAt(), t.updatedAt(), t.priority().rank(), t.id());
		}

	}

	/** "Comes after the cursor" in the query's order (the same keys and directions as {@link #order}). */
	private static Predicate beyond(CriteriaBuilder cb, Root<Ticket> t, TicketQuery q, Cursor c) {
		TicketQuery.Sort sort = q.sort() == null ? TicketQuery.Sort.UPDATED : q.sort();
		boolean asc = q.ascending();
		Path<Long> id = t.get("id");
		Predicate idAfter = asc ? cb.greaterThan(id, c.id()) : cb.lessThan(id, c.id());
		return switch (sort) {
			case CREATED -> after(cb, t.get("createdAt"), c.createdAt(), asc, idAfter);
			case UPDATED -> after(cb, t.get("updatedAt"), c.updatedAt(), asc, idAfter);
			case PRIORITY -> after(cb, t.get("priorityRank"), (short) c.priorityRank(), asc,
					after(cb, t.get("updatedAt"), c.updatedAt(), false, idAfter));
		};
	}

	/** {@code key} beyond {@code value} in that direction, or equal to it and {@code then}. */
	private static <T extends Comparable<? super T>> Predicate after(CriteriaBuilder cb, Path<T> key, T value,
			boolean ascending, Predicate then) {
		Predicate beyond = ascending ? cb.greaterThan(key, value) : cb.lessThan(key, value);
		return cb.or(beyond, cb.and(cb.equal(key, value), then));
	}

	/** One page of tickets without the total, for callers that walk through pages (exports). */
	List<Ticket> content(TicketQuery query, Pageable pageable, Viewer viewer) {
		CriteriaBuilder cb = em.getCriteriaBuilder();
		CriteriaQuery<Ticket> select = cb.createQuery(Ticket.class);
		Root<Ticket> root = select.from(Ticket.class);
		select.select(root).where(predicates(cb, root, query, viewer)).orderBy(order(cb, root, query));
		return em.createQuery(select)
			.setFirstResult((int) pageable.getOffset())
			.setMaxResults(pageable.getPageSize())
			.getResultList();
	}

	private static Predicate[] predicates(CriteriaBuilder cb, Root<Ticket> t, TicketQuery q, Viewer viewer) {
		List<Predicate> where = new ArrayList<>();
		if (!viewer.seesAll()) {
			Predicate owned = cb.equal(t.get("ownerId"), viewer.userId());
			where.add(viewer.groupIds().isEmpty() ? owned : cb.or(t.get("groupId").in(viewer.groupIds()), owned));
		}
		Queue queue = q.queue() == null ? Queue.ALL : q.queue();
		switch (queue) {
			case MINE -> where.add(cb.equal(t.get("ownerId"), viewer.userId()));
			case GROUPS -> where.add(viewer.groupIds().isEmpty() ? cb.disjunction() : t.get("groupId").in(viewer.groupIds()));
			case UNASSIGNED -> where.add(cb.isNull(t.get("ownerId")));
			case ALL -> {
				// every visible ticket
			}
		}
		if (q.states() != null && !q.states().isEmpty()) {
			where.add(t.get("state").in(q.states()));
		}
		else if (queue != Queue.ALL) {
			where.add(t.get("state").in(TicketState.ACTIVE));
		}
		if (q.type() != null) {
			where.add(cb.equal(t.get("type"), q.type()));
		}
		if (q.priority() != null) {
			where.add(cb.equal(t.get("priority"), q.priority()));
		}
		if (q.groupId() != null) {
			where.add(cb.equal(t.get("groupId"), q.groupId()));
		}
		if (q.ownerId() != null) {
			where.add(cb.equal(t.get("ownerId"), q.ownerId()));
		}
		if (q.requesterId() != null) {
			where.add(cb.equal(t.get("requesterId"), q.requesterId()));
		}
		if (q.tag() != null && !q.tag().isBlank()) {
			Expression<java.util.Collection<String>> tags = t.get("tags");
			where.add(cb.isMember(Tags.normalizeOne(q.tag()), tags));
		}
		return where.toArray(Predicate[]::new);
	}

	private static List<Order> order(CriteriaBuilder cb, Root<Ticket> t, TicketQuery q) {
		TicketQuery.Sort sort = q.sort() == null ? TicketQuery.Sort.UPDATED : q.sort();
		boolean asc = q.ascending();
		List<Order> orders = new ArrayList<>();
		switch (sort) {
			case CREATED -> orders.add(asc ? cb.asc(t.get("createdAt")) : cb.desc(t.get("createdAt")));
			case PRIORITY -> {
				// The stored rank (urgent 4 … low 1), through ix_ticket_state_rank: urgent first unless ascending.
				orders.add(asc ? cb.asc(t.get("priorityRank")) : cb.desc(t.get("priorityRank")));
				orders.add(cb.desc(t.get("updatedAt")));
			}
			case UPDATED -> orders.add(asc ? cb.asc(t.get("updatedAt")) : cb.desc(t.get("updatedAt")));
		}
		orders.add(asc ? cb.asc(t.get("id")) : cb.desc(t.get("id")));
		return orders;
	}

}
