package app.rapport.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TimelineEntryRepository extends JpaRepository<TimelineEntry, Long> {

	Page<TimelineEntry> findByContactIdOrderByOccurredAtDescIdDesc(Long contactId, Pageable pageable);

	Page<TimelineEntry> findByOrganizationIdOrderByOccurredAtDescIdDesc(Long organizationId, Pageable pageable);

	@Modifying
	@Query("update TimelineEntry t set t.contactId = :target where t.contactId = :source")
	int moveToContact(Long source, Long target);

}
