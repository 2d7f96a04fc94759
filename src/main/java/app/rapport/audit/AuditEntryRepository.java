package app.rapport.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Insert and read only: the audit trail has no update or delete. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	Page<AuditEntry> findByEntityTypeAndEntityIdOrderByOccurredAtDescIdDesc(String entityType, Long entityId,
			Pageable pageable);

}
