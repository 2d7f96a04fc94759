package app.rapport.ticket;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	List<Ticket> findByRequesterId(Long requesterId);

	List<Ticket> findByRequesterIdOrderByCreatedAtDesc(Long requesterId, Pageable pageable);

	/** Open tickets per owner, for "least open" assignment: rows of [ownerId, count]. */
	@Query("select t.ownerId, count(t) from Ticket t where t.ownerId in :ownerIds and t.state in :states group by t.ownerId")
	List<Object[]> countByOwner(Collection<Long> ownerIds, Collection<TicketState> states);

}
