package app.rapport.commitment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketFactRepository extends JpaRepository<TicketFact, Long> {

	@Query("select f from TicketFact f where f.ticketId in :ticketIds order by f.ticketId, f.happenedAt, f.id")
	List<TicketFact> forTickets(Collection<Long> ticketIds);

	boolean existsByEventId(java.util.UUID eventId);

}
