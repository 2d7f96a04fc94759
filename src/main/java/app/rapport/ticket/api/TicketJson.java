package app.rapport.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.rapport.ticket.Ref;
import app.rapport.ticket.TicketView;

/** A ticket in the REST API. */
record TicketJson(long id, long number, String subject, String type, String priority, String state,
		Requester requester, Ref organization, Ref group, Ref owner, String channel, List<String> tags,
		Map<String, String> customFields, Long mergedIntoId, Instant createdAt, Instant updatedAt, Instant solvedAt,
		Instant closedAt, long version) {

	record Requester(long id, String name, String email) {
	}

	static TicketJson of(TicketView t) {
		return new TicketJson(t.id(), t.number(), t.subject(), t.type().name(), t.priority().name(), t.state().name(),
				new Requester(t.requester().id(), t.requester().name(), t.requesterEmail()),
				t.organizationId() == null ? null : new Ref(t.organizationId(), t.organizationName()), t.group(), t.owner(),
				t.channel(), t.tags(), t.customFields(), t.mergedIntoId(), t.createdAt(), t.updatedAt(), t.solvedAt(),
				t.closedAt(), t.version());
	}

}
