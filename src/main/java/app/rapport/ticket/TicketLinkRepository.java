package app.rapport.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketLinkRepository extends JpaRepository<TicketLink, Long> {

	@Query("select l from TicketLink l where l.ticketId = :ticketId or l.otherTicketId = :ticketId order by l.createdAt, l.id")
	List<TicketLink> findInvolving(Long ticketId);

	boolean existsByTicketIdAndOtherTicketIdAndKind(Long ticketId, Long otherTicketId, LinkKind kind);

}
