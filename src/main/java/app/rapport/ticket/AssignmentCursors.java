package app.rapport.ticket;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each round-robin group's turn without a lock: the turn lives in memory and moves by
 * compare-and-set, so simultaneous tickets of one group never wait for each other and never get the same
 * turn on this node. It is read from {@code ticket_assignment_cursor} on first use and written back about
 * every second, so that a restart resumes where the group was. Each node keeps its own turn: over several nodes
 * every node's share is fair and their sum is within a ticket per node of fair.
 */
@Component
class AssignmentCursors {

	private static final Logger log = LoggerFactory.getLogger(AssignmentCursors.class);

	private final JdbcTemplate jdbc;

	private final Map<Long, Turn> turns = new ConcurrentHashMap<>();

	AssignmentCursors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the group's turn to the member {@code next} picks after the last one; when another ticket of the
	 * group moved it meanwhile, picks again after that one. A ticket that later fails to save leaves the turn
	 * used, which is harmless.
	 */
	Optional<Long> advance(long groupId, Function<Long, Optional<Long>> next) {
		Turn turn = turns.computeIfAbsent(groupId, this::load);
		while (true) {
			Long last = turn.last.get();
			Optional<Long> chosen = next.apply(last);
			if (chosen.isEmpty() || turn.last.compareAndSet(last, chosen.get())) {
				return chosen;
			}
		}
	}

	private Turn load(long groupId) {
		Long last = jdbc.query("select last_user_id from ticket_assignment_cursor where group_id = ?",
				rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, groupId);
		return new Turn(last);
	}

	/** Writes the turns that moved since the last write; a failure is tried again with the next write. */
	@Scheduled(fixedDelayString = "${rapport.assignment.save-interval:1s}")
	void save() {
		turns.forEach((groupId, turn) -> {
			Long last = turn.last.get();
			if (Objects.equals(last, turn.saved)) {
				return;
			}
			try {
				if (jdbc.update("update ticket_assignment_cursor set last_user_id = ? where group_id = ?", last, groupId) == 0) {
					jdbc.update("insert into ticket_assignment_cursor (group_id, last_user_id, version) values (?, ?, 0)", groupId, last);
				}
				turn.saved = last;
			}
			catch (DataAccessException ex) {
				log.warn("Could not save the round-robin turn of group {}: {}", groupId, ex.toString());
			}
		});
	}

	/** Forgets the turns (a test that rewrote the table starts from it again). */
	void forget() {
		save();
		turns.clear();
	}

	private static final class Turn {

		final AtomicReference<Long> last;

		volatile Long saved;

		Turn(Long last) {
			this.last = new AtomicReference<>(last);
			this.saved = last;
		}

	}

}
