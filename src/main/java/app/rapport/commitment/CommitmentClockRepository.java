package app.rapport.commitment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommitmentClockRepository extends JpaRepository<CommitmentClock, Long> {

	@Query("select c from CommitmentClock c where c.ticketId in :ticketIds")
	List<CommitmentClock> forTickets(Collection<Long> ticketIds);

	@Query("select c from CommitmentClock c where c.ticketId = :ticketId order by c.commitment, c.cycle")
	List<CommitmentClock> forTicket(long ticketId);

	/** Settled clocks counted per day and dimension: [settledOn, planId, priority, groupId, ownerId, commitment, state, count]. */
	@Query("select c.settledOn, c.planId, c.priority, c.groupId, c.ownerId, c.commitment, c.state, count(c) from CommitmentClock c "
			+ "where c.settledOn >= :from and c.settledOn <= :to group by c.settledOn, c.planId, c.priority, c.groupId, c.ownerId, c.commitment, c.state")
	List<Object[]> settledCounts(java.time.LocalDate from, java.time.LocalDate to);

}
