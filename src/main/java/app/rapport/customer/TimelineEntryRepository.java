package app.rapport.customer;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TimelineEntryRepository extends JpaRepository<TimelineEntry, Long> {

	Page<TimelineEntry> findByContactIdOrderByOccurredAtDescIdDesc(Long contactId, Pageable pageable);

	Page<TimelineEntry> findByOrganizationIdOrderByOccurredAtDescIdDesc(Long organizationId, Pageable pageable);

	/** The contact's entries that are about no ticket, or about a ticket of one of the groups or owned by the user. */
	@Query(value = """
			select e from TimelineEntry e where e.contactId = :contactId
			and (e.ticketId is null or e.ticketOwnerId = :userId or e.ticketGroupId in :groupIds)
			order by e.occurredAt desc, e.id desc""", countQuery = """
			select count(e) from TimelineEntry e where e.contactId = :contactId
			and (e.ticketId is null or e.ticketOwnerId = :userId or e.ticketGroupId in :groupIds)""")
	Page<TimelineEntry> findVisibleOfContact(Long contactId, long userId, Collection<Long> groupIds, Pageable pageable);

	/** As {@link #findVisibleOfContact}, for an organization's timeline. */
	@Query(value = """
			select e from TimelineEntry e where e.organizationId = :organizationId
			and (e.ticketId is null or e.ticketOwnerId = :userId or e.ticketGroupId in :groupIds)
			order by e.occurredAt desc, e.id desc""", countQuery = """
			select count(e) from TimelineEntry e where e.organizationId = :organizationId
			and (e.ticketId is null or e.ticketOwnerId = :userId or e.ticketGroupId in :groupIds)""")
	Page<TimelineEntry> findVisibleOfOrganization(Long organizationId, long userId, Collection<Long> groupIds,
			Pageable pageable);

	@Modifying
	@Query("update TimelineEntry t set t.contactId = :target where t.contactId = :source")
	int moveToContact(Long source, Long target);

	@Modifying
	@Query("update TimelineEntry t set t.ticketGroupId = :groupId, t.ticketOwnerId = :ownerId where t.ticketId = :ticketId")
	int updateTicketAccess(long ticketId, Long groupId, Long ownerId);

}
