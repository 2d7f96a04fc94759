package app.rapport.ticket;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<Ticket, Long> {

	List<Ticket> findByRequesterId(Long requesterId);

	List<Ticket> findByRequesterIdOrderByCreatedAtDesc(Long requesterId, Pageable pageable);

}
