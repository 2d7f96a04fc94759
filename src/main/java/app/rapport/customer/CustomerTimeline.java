package app.rapport.customer;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads the timeline of a contact and of their organization. */
@Service
@Transactional
public class CustomerTimeline {

	private final TimelineEntryRepository entries;

	private final ContactRepository contacts;

	CustomerTimeline(TimelineEntryRepository entries, ContactRepository contacts) {
		this.entries = entries;
		this.contacts = contacts;
	}

	/** Adds an entry to the contact's timeline (and their organization's); joins the caller's transaction. */
	public void record(long contactId, TimelineKind kind, String summary, Long ticketId, Integer durationMinutes,
			Long actorUserId, Instant occurredAt) {
		Long organizationId = contacts.findById(contactId).map(Contact::getOrganizationId).orElse(null);
		entries.save(new TimelineEntry(contactId, organizationId, kind, summary, ticketId, durationMinutes, actorUserId,
				occurredAt));
	}

	@Transactional(readOnly = true)
	public Page<TimelineEntry> ofContact(long contactId, Pageable pageable) {
		return entries.findByContactIdOrderByOccurredAtDescIdDesc(contactId, pageable);
	}

	@Transactional(readOnly = true)
	public Page<TimelineEntry> ofOrganization(long organizationId, Pageable pageable) {
		return entries.findByOrganizationIdOrderByOccurredAtDescIdDesc(organizationId, pageable);
	}

}
