package app.rapport.ticket;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketFieldRepository extends JpaRepository<TicketField, Long> {

	List<TicketField> findAllByOrderBySortOrderAscIdAsc();

	List<TicketField> findByActiveTrueOrderBySortOrderAscIdAsc();

	Optional<TicketField> findByKey(String key);

}
