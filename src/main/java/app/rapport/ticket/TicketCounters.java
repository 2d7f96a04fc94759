package app.rapport.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exact ticket counts per group, owner and state without counting tickets: the sum of the folded
 * {@code ticket_counter} and the changes not yet folded ({@link TicketCounterRecorder}). Every node folds
 * about every second the changes it can lock ({@code for update skip locked}), so nodes never fold the same
 * change; a fold adds them to the counters and deletes them in one transaction, so every change is counted
 * exactly once whenever a count is read.
 */
@Component
class TicketCounters {

	private static final Logger log = LoggerFactory.getLogger(TicketCounters.class);

	static final int FOLD_BATCH = 5000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final TransactionTemplate snapshot;

	TicketCounters(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * The number of tickets a list would hold, when the filters are ones the counters know (queue, states,
	 * group, owner) and visibility is the viewer's; empty when another filter (type, priority, requester,
	 * tag) is set.
	 */
	OptionalLong count(TicketQuery q, Viewer viewer) {
		if (q.type() != null || q.priority() != null || q.requesterId() != null
				|| (q.tag() != null && !q.tag().isBlank())) {
			return OptionalLong.empty();
		}
		List<String> where = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (!viewer.seesAll()) {
			where.add(viewer.groupIds().isEmpty() ? "owner_id = ?"
					: "(group_id in (" + placeholders(viewer.groupIds().size()) + ") or owner_id = ?)");
			args.addAll(viewer.groupIds());
			args.add(viewer.userId());
		}
		Queue queue = q.queue() == null ? Queue.ALL : q.queue();
		switch (queue) {
			case MINE -> {
				where.add("owner_id = ?");
				args.add(viewer.userId());
			}
			case GROUPS -> {
				if (viewer.groupIds().isEmpty()) {
					return OptionalLong.of(0);
				}
				where.add("group_id in (" + placeholders(viewer.groupIds().size()) + ")");
				args.addAll(viewer.groupIds());
			}
			case UNASSIGNED -> where.add("owner_id = 0");
			case ALL -> {
				// every visible ticket
			}
		}
		Set<TicketState> states = q.states() != null && !q.states().isEmpty() ? q.states()
				: queue != Queue.ALL ? TicketState.ACTIVE : Set.of();
		if (!states.isEmpty()) {
			where.add("state in (" + placeholders(states.size()) + ")");
			states.forEach(s -> args.add(s.name()));
		}
		if (q.groupId() != null) {
			where.add("group_id = ?");
			args.add(q.groupId());
		}
		if (q.ownerId() != null) {
			where.add("owner_id = ?");
			args.add(q.ownerId());
		}
		String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		Object[] values = args.toArray();
		Long folded = jdbc.queryForObject("select coalesce(sum(tickets), 0) from ticket_counter" + condition, Long.class,
				values);
		Long pending = jdbc.queryForObject("select coalesce(sum(delta), 0) from ticket_counter_change" + condition,
				Long.class, values);
		return OptionalLong.of((folded == null ? 0 : folded) + (pending == null ? 0 : pending));
	}

	/** Open tickets per owner among these users (active states, all groups). */
	Map<Long, Long> activePerOwner(java.util.Collection<Long> ownerIds) {
		Map<Long, Long> open = new HashMap<>();
		if (ownerIds.isEmpty()) {
			return open;
		}
		List<Object> args = new ArrayList<>(ownerIds);
		TicketState.ACTIVE.forEach(s -> args.add(s.name()));
		String where = " where owner_id in (" + placeholders(ownerIds.size()) + ") and state in ("
				+ placeholders(TicketState.ACTIVE.size()) + ") group by owner_id";
		for (String table : List.of("select owner_id, sum(tickets) from ticket_counter",
				"select owner_id, sum(delta) from ticket_counter_change")) {
			jdbc.query(table + where, rs -> {
				open.merge(rs.getLong(1), rs.getLong(2), Long::sum);
			}, args.toArray());
		}
		return open;
	}

	/** Folds what this node can lock of the changes into the counters; returns how many changes. */
	@Scheduled(fixedDelayString = "${rapport.tickets.counter-fold-interval:1s}")
	int fold() {
		try {
			Integer folded = tx.execute(status -> {
				record Change(long id, long groupId, long ownerId, String state, int delta) {
				}
				List<Change> changes = jdbc.query("select id, group_id, owner_id, state, delta from ticket_counter_change "
						+ "order by id fetch first " + FOLD_BATCH + " rows only for update skip locked",
						(rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)));
				if (changes.isEmpty()) {
					return 0;
				}
				Map<TicketCounterRecorder.Key, Long> sums = new HashMap<>();
				for (Change c : changes) {
					sums.merge(new TicketCounterRecorder.Key(c.groupId, c.ownerId, c.state), (long) c.delta, Long::sum);
				}
				sums.forEach((key, delta) -> {
					if (delta != 0 && jdbc.update("update ticket_counter set tickets = tickets + ? where group_id = ? "
							+ "and owner_id = ? and state = ?", delta, key.groupId(), key.ownerId(), key.state()) == 0) {
						jdbc.update("insert into ticket_counter (group_id, owner_id, state, tickets) values (?, ?, ?, ?)",
								key.groupId(), key.ownerId(), key.state(), delta);
					}
				});
				List<Object[]> ids = changes.stream().map(c -> new Object[] { c.id }).toList();
				jdbc.batchUpdate("delete from ticket_counter_change where id = ?", ids);
				return changes.size();
			});
			return folded == null ? 0 : folded;
		}
		catch (DataAccessException ex) {
			// Another node inserted the same new counter at the same moment: the next fold takes these again.
			log.debug("Counter fold rolled back, will retry: {}", ex.toString());
			return 0;
		}
	}

	/**
	 * At start-up: when the counters do not add up to the tickets (data loaded around Hibernate, as the
	 * bulk generator does), they are computed again from the tickets, in one snapshot.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkOnStart() {
		Long tickets = jdbc.queryForObject("select count(*) from ticket", Long.class);
		Long counted = jdbc.queryForObject("select (select coalesce(sum(tickets), 0) from ticket_counter) + "
				+ "(select coalesce(sum(delta), 0) from ticket_counter_change)", Long.class);
		if (tickets != null && !tickets.equals(counted)) {
			log.info("Ticket counters add up to {} but there are {} tickets: computing them again", counted, tickets);
			rebuild();
		}
	}

	/** Computes every counter again from the tickets (one consistent snapshot). */
	void rebuild() {
		snapshot.executeWithoutResult(status -> {
			jdbc.update("delete from ticket_counter_change");
			jdbc.update("delete from ticket_counter");
			jdbc.update("insert into ticket_counter (group_id, owner_id, state, tickets) select group_id, "
					+ "coalesce(owner_id, 0), state, count(*) from ticket group by group_id, coalesce(owner_id, 0), state");
		});
	}

	private static String placeholders(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

}
