package app.rapport.audit;

import java.time.Instant;

/** One recorded change as other modules read it: which field, from what to what, by whom and when. */
@org.springframework.modulith.NamedInterface("api")
public record AuditRecord(long id, String field, String oldValue, String newValue, Long actorUserId, Instant occurredAt) {

	static AuditRecord of(AuditEntry entry) {
		return new AuditRecord(entry.getId(), entry.getField(), entry.getOldValue(), entry.getNewValue(),
				entry.getActorUserId(), entry.getOccurredAt());
	}

}
