package app.rapport.commitment;

import java.util.Collection;
import java.util.List;

import app.rapport.ticket.TicketState;

import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TrackedTicketRepository extends JpaRepository<TrackedTicket, Long> {

	List<TrackedTicket> findByRequesterIdAndStateIn(long requesterId, Collection<TicketState> states);

	List<TrackedTicket> findByOrganizationIdAndStateIn(long organizationId, Collection<TicketState> states);

	/** Ids of tickets still being worked on under the given plans, in id order after {@code afterId}. */
	@Query("select t.ticketId from TrackedTicket t where t.planId in :planIds and t.state in :states and t.ticketId > :afterId order by t.ticketId")
	List<Long> activeIds(Collection<Long> planIds, Collection<TicketState> states, long afterId, Pageable page);

	boolean existsByPlanId(long planId);

	/** The ticket's copy, locked until the transaction ends: activities of one ticket are applied one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from TrackedTicket t where t.ticketId = :ticketId")
	java.util.Optional<TrackedTicket> findForUpdate(long ticketId);

}
