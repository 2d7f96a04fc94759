package app.rapport.ticket;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Hands out round-robin cursors locked for the caller's transaction, creating them on first use. */
@Component
class AssignmentCursors {

	private final AssignmentCursorRepository cursors;

	private final TransactionTemplate separateTransaction;

	AssignmentCursors(AssignmentCursorRepository cursors, PlatformTransactionManager transactionManager) {
		this.cursors = cursors;
		this.separateTransaction = new TransactionTemplate(transactionManager);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The group's cursor, row-locked until the current transaction ends. */
	AssignmentCursor lock(long groupId) {
		var existing = cursors.lockByGroupId(groupId);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			// Created and committed on its own, so that concurrent first tickets then queue on the same row lock.
			separateTransaction.executeWithoutResult(status -> cursors.saveAndFlush(new AssignmentCursor(groupId)));
		}
		catch (DataAccessException ex) {
			// Another transaction created it first; the lock below waits for and uses that row.
		}
		return cursors.lockByGroupId(groupId).orElseThrow();
	}

}
