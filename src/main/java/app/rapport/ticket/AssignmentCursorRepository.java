package app.rapport.ticket;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssignmentCursorRepository extends JpaRepository<AssignmentCursor, Long> {

	/** The cursor row, locked until the caller's transaction ends, so two new tickets never get the same turn. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from AssignmentCursor c where c.groupId = :groupId")
	Optional<AssignmentCursor> lockByGroupId(Long groupId);

}
