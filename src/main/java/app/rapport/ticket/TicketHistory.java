package app.rapport.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities of tickets as far as they can be told again from what is stored: opened, the customer's
 * messages, public replies, and the last change of state. For modules that start keeping time for
 * tickets that existed before them (after an upgrade, an import or bulk-generated data); priority or type
 * changes of the past are not stored, so the current ones stand for the whole life of the ticket.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class TicketHistory {

	private final JdbcTemplate jdbc;

	TicketHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many tickets there are. */
	public long count() {
		Long count = jdbc.queryForObject("select count(*) from ticket", Long.class);
		return count == null ? 0 : count;
	}

	/** The highest ticket id so far (0 when there is none). */
	public long maxId() {
		Long max = jdbc.queryForObject("select max(id) from ticket", Long.class);
		return max == null ? 0 : max;
	}

	/** Ticket ids after {@code afterId}, ascending, at most {@code limit}. */
	public List<Long> idsAfter(long afterId, int limit) {
		return jdbc.queryForList("select id from ticket where id > ? order by id fetch first " + limit + " rows only",
				Long.class, afterId);
	}

	/** The told-again activities of each ticket, oldest first; two queries for the whole batch. */
	public Map<Long, List<TicketActivity>> activities(Collection<Long> ticketIds) {
		Map<Long, List<TicketActivity>> result = new LinkedHashMap<>();
		if (ticketIds.isEmpty()) {
			return result;
		}
		String in = String.join(",", ticketIds.stream().map(String::valueOf).toList());
		record Row(long id, String subject, TicketType type, Priority priority, TicketState state, long requesterId,
				Long organizationId, long groupId, Long ownerId, Instant createdAt, Instant updatedAt, Instant solvedAt,
				Instant closedAt) {

			TicketActivity as(TicketActivity.Kind kind, TicketState state, Instant at) {
				// Told again from stored columns: the same history gives the same ids.
				UUID eventId = UUID.nameUUIDFromBytes((id + "/" + kind + "/" + state + "/" + at).getBytes(StandardCharsets.UTF_8));
				return new TicketActivity(eventId, kind, at, id, subject, type, priority, state, requesterId, organizationId,
						groupId, ownerId);
			}

		}
		Map<Long, Row> tickets = new LinkedHashMap<>();
		jdbc.query("select id, subject, type, priority, state, requester_id, organization_id, group_id, owner_id, "
				+ "created_at, updated_at, solved_at, closed_at from ticket where id in (" + in + ") order by id", rs -> {
					tickets.put(rs.getLong(1),
							new Row(rs.getLong(1), rs.getString(2), TicketType.valueOf(rs.getString(3)),
									Priority.valueOf(rs.getString(4)), TicketState.valueOf(rs.getString(5)), rs.getLong(6),
									(Long) rs.getObject(7, Long.class), rs.getLong(8), (Long) rs.getObject(9, Long.class),
									instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13)));
				});
		Map<Long, List<Object[]>> messages = new LinkedHashMap<>();
		jdbc.query("select ticket_id, author_user_id, is_public, created_at from message where ticket_id in (" + in
				+ ") order by ticket_id, created_at, id", rs -> {
					messages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Object[] { rs.getObject(2), rs.getBoolean(3), instant(rs, 4) });
				});
		for (Row t : tickets.values()) {
			List<TicketActivity> list = new ArrayList<>();
			list.add(t.as(TicketActivity.Kind.OPENED, TicketState.NEW, t.createdAt()));
			List<Object[]> conversation = messages.getOrDefault(t.id(), List.of());
			Instant last = t.createdAt();
			for (int i = 1; i < conversation.size(); i++) {
				Object[] m = conversation.get(i);
				boolean byAgent = m[0] != null;
				boolean isPublic = (Boolean) m[1];
				Instant at = (Instant) m[2];
				if (byAgent && !isPublic) {
					continue;
				}
				list.add(t.as(byAgent ? TicketActivity.Kind.PUBLIC_REPLY : TicketActivity.Kind.CUSTOMER_MESSAGE,
						TicketState.OPEN, at));
				last = at;
			}
			switch (t.state()) {
				case PENDING_CUSTOMER, ON_HOLD -> list.add(t.as(TicketActivity.Kind.CHANGED, t.state(), later(t.updatedAt(), last)));
				case SOLVED, CLOSED -> {
					Instant solved = later(t.solvedAt() != null ? t.solvedAt() : t.updatedAt(), last);
					list.add(t.as(TicketActivity.Kind.CHANGED, TicketState.SOLVED, solved));
					if (t.state() == TicketState.CLOSED) {
						list.add(t.as(TicketActivity.Kind.CHANGED, TicketState.CLOSED,
								later(t.closedAt() != null ? t.closedAt() : t.updatedAt(), solved)));
					}
				}
				default -> {
				}
			}
			result.put(t.id(), list);
		}
		return result;
	}

	private static Instant later(Instant a, Instant b) {
		return a == null || a.isBefore(b) ? b : a;
	}

	private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
