package app.rapport.audit;

import java.time.Clock;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records changes in the caller's transaction (so a rolled-back change leaves no trace) and reads them. */
@Service
@org.springframework.modulith.NamedInterface("api")
public class AuditTrail {

	/** Entity type names used in the trail. */
	public static final String TICKET = "ticket", CONTACT = "contact", ORGANIZATION = "organization";

	private final AuditEntryRepository entries;

	private final Clock clock;

	AuditTrail(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** Records {@code field: old → new} when the two differ; does nothing when they are equal. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entityType, long entityId, String field, Object oldValue, Object newValue,
			Long actorUserId) {
		String before = oldValue == null ? null : oldValue.toString();
		String after = newValue == null ? null : newValue.toString();
		if (Objects.equals(before, after)) {
			return;
		}
		entries.save(new AuditEntry(entityType, entityId, field, before, after, actorUserId, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> history(String entityType, long entityId, Pageable pageable) {
		return entries.findByEntityTypeAndEntityIdOrderByOccurredAtDescIdDesc(entityType, entityId, pageable)
			.map(AuditRecord::of);
	}

}
