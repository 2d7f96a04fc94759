package app.rapport.commitment;

import java.util.Collection;
import java.util.List;

import app.rapport.ticket.TicketState;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrackedTicketRepository extends JpaRepository<TrackedTicket, Long> {

	List<TrackedTicket> findByRequesterIdAndStateIn(long requesterId, Collection<TicketState> states);

	List<TrackedTicket> findByOrganizationIdAndStateIn(long organizationId, Collection<TicketState> states);

	/** Ids of tickets still being worked on under the given plans, in id order after {@code afterId}. */
	@Query("select t.ticketId from TrackedTicket t where t.planId in :planIds and t.state in :states and t.ticketId > :afterId order by t.ticketId")
	List<Long> activeIds(Collection<Long> planIds, Collection<TicketState> states, long afterId, Pageable page);

	boolean existsByPlanId(long planId);

}
