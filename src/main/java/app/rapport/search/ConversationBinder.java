package app.rapport.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.rapport.shared.TextAnalyzers;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;

/**
 * Writes the documents of a conversation: the ticket's own (its subject, also as its text) and one per
 * message (the message's text with a copy of its ticket's subject, tags, group, owner, creation time and id).
 * Both kinds have exactly the same fields, declared here once, so that one query over both indexes finds a
 * ticket by words spread over its subject and one of its messages, filters by who may see it and sorts alike.
 * The copies go stale when the ticket's subject, tags, group or owner change; the indexer then re-indexes the
 * ticket's messages too ({@link IndexedChange.Kind#CONVERSATION}).
 */
final class ConversationBinder implements TypeBinder {

	private final boolean message;

	private ConversationBinder(boolean message) {
		this.message = message;
	}

	/** For the ticket's own document. */
	static ConversationBinder ofTicket() {
		return new ConversationBinder(false);
	}

	/** For a message's document. */
	static ConversationBinder ofMessage() {
		return new ConversationBinder(true);
	}

	@Override
	public void bind(TypeBindingContext context) {
		// Indexing follows search_pending rows, never Hibernate Search's own change tracking (ADR 15).
		context.dependencies().useRootOnly();
		Fields fields = Fields.declare(context.indexSchemaElement());
		if (message) {
			context.bridge(Message.class, (TypeBridge<Message>) (target, m, ctx) -> {
				fields.writeHeader(target, m.getTicket());
				fields.writeText(target, m.getBodyText());
			});
		}
		else {
			context.bridge(Ticket.class, (TypeBridge<Ticket>) (target, t, ctx) -> {
				fields.writeHeader(target, t);
				fields.writeText(target, t.getSubject());
			});
		}
	}

	private record Fields(List<IndexFieldReference<String>> subject, List<IndexFieldReference<String>> text,
			IndexFieldReference<Long> ticketId, IndexFieldReference<Long> groupId, IndexFieldReference<Long> ownerId,
			IndexFieldReference<String> tags, IndexFieldReference<Instant> createdAt) {

		static Fields declare(IndexSchemaElement schema) {
			return new Fields(inLanguages(schema, SearchMapping.SUBJECT), inLanguages(schema, SearchMapping.TEXT),
					schema.field(SearchMapping.TICKET_ID, f -> f.asLong().projectable(Projectable.YES).aggregable(Aggregable.YES))
						.toReference(),
					schema.field(SearchMapping.GROUP_ID, f -> f.asLong()).toReference(),
					schema.field(SearchMapping.OWNER_ID, f -> f.asLong()).toReference(),
					schema.field(SearchMapping.TAGS, f -> f.asString().normalizer(TextAnalyzers.KEYWORD))
						.multiValued()
						.toReference(),
					schema.field(SearchMapping.CREATED_AT, f -> f.asInstant().sortable(Sortable.YES)).toReference());
		}

		private static List<IndexFieldReference<String>> inLanguages(IndexSchemaElement schema, String[] names) {
			List<IndexFieldReference<String>> fields = new ArrayList<>();
			for (int i = 0; i < names.length; i++) {
				String analyzer = SearchMapping.ANALYZERS[i];
				fields.add(schema.field(names[i], f -> f.asString().analyzer(analyzer)).toReference());
			}
			return List.copyOf(fields);
		}

		void writeHeader(DocumentElement target, Ticket ticket) {
			subject.forEach(field -> target.addValue(field, ticket.getSubject()));
			target.addValue(ticketId, ticket.getId());
			target.addValue(groupId, ticket.getGroupId());
			target.addValue(ownerId, ticket.getOwnerId());
			ticket.getTags().forEach(tag -> target.addValue(tags, tag));
			target.addValue(createdAt, ticket.getCreatedAt());
		}

		void writeText(DocumentElement target, String value) {
			text.forEach(field -> target.addValue(field, value));
		}

	}

}
