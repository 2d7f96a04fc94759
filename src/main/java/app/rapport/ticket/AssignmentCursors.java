package app.rapport.ticket;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps each round-robin group's turn, safe when several tickets arrive at once (row lock on the cursor). */
@Component
class AssignmentCursors {

	private final AssignmentCursorRepository cursors;

	private final TransactionTemplate separateTransaction;

	AssignmentCursors(AssignmentCursorRepository cursors, PlatformTransactionManager transactionManager) {
		this.cursors = cursors;
		this.separateTransaction = new TransactionTemplate(transactionManager);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Moves the group's cursor to the member {@code next} picks after the last one, in a short transaction
	 * of its own: the row lock is held only while the cursor moves, not while the whole ticket is written.
	 * A ticket that later fails to save leaves the turn used, which is harmless.
	 */
	Optional<Long> advance(long groupId, Function<Long, Optional<Long>> next) {
		ensureExists(groupId);
		return separateTransaction.execute(status -> {
			AssignmentCursor cursor = cursors.lockByGroupId(groupId).orElseThrow();
			Optional<Long> chosen = next.apply(cursor.getLastUserId());
			chosen.ifPresent(cursor::setLastUserId);
			return chosen;
		});
	}

	private void ensureExists(long groupId) {
		if (cursors.existsById(groupId)) {
			return;
		}
		try {
			separateTransaction.executeWithoutResult(status -> cursors.saveAndFlush(new AssignmentCursor(groupId)));
		}
		catch (DataAccessException ex) {
			// Another ticket of the same group created it at the same moment; that row serves both.
		}
	}

}
