package app.rapport.search;

import app.rapport.customer.Contact;
import app.rapport.customer.Organization;
import app.rapport.shared.TextAnalyzers;
import app.rapport.ticket.Message;
import app.rapport.ticket.Ticket;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * What the search index holds, declared here rather than on the entities so that the ticket and customer
 * modules know nothing of search (ADR 16). A ticket's conversation is indexed message by message: each
 * message is a document of its own carrying its ticket's subject, tags, group, owner and creation time
 * ({@link ConversationBinder}), so that a reply indexes one small document instead of the whole
 * conversation, and a query still finds words spread over the subject and a message. The ticket's own
 * document holds its subject (also as its text, for tickets without messages).
 */
public class SearchMapping implements HibernateOrmSearchMappingConfigurer {

	/** Fields every conversation document has, in the ticket index and the message index alike. */
	static final String TICKET_ID = "ticketId", GROUP_ID = "groupId", OWNER_ID = "ownerId", TAGS = "tags",
			CREATED_AT = "createdAt";

	static final String[] SUBJECT = { "subject_zh", "subject_bg", "subject_en" };

	static final String[] TEXT = { "body_zh", "body_bg", "body_en" };

	static final String[] NAMES = { "name_zh", "name_bg", "name_en" };

	static final String[] ANALYZERS = { TextAnalyzers.ZH, TextAnalyzers.BG, TextAnalyzers.EN };

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
		mapTicket(mapping.type(Ticket.class));
		mapMessage(mapping.type(Message.class));
		mapContact(mapping.type(Contact.class));
		mapOrganization(mapping.type(Organization.class));
	}

	private static void mapTicket(TypeMappingStep ticket) {
		ticket.indexed().index("ticket");
		ticket.binder(ConversationBinder.ofTicket());
	}

	private static void mapMessage(TypeMappingStep message) {
		message.indexed().index("message");
		message.binder(ConversationBinder.ofMessage());
	}

	private static void mapContact(TypeMappingStep contact) {
		contact.indexed().index("contact");
		inLanguages(contact.property("name"), NAMES);
		contact.property("latinName").fullTextField("latinName_en").analyzer(TextAnalyzers.EN);
		contact.property("organizationId").genericField();
		contact.property("primaryEmail").keywordField().normalizer(TextAnalyzers.KEYWORD);
		// Search leaves merged contacts out.
		contact.property("mergedIntoId").genericField();
	}

	private static void mapOrganization(TypeMappingStep organization) {
		organization.indexed().index("organization");
		inLanguages(organization.property("name"), NAMES);
		organization.property("latinName").fullTextField("latinName_en").analyzer(TextAnalyzers.EN);
		organization.property("domain").keywordField().normalizer(TextAnalyzers.KEYWORD);
	}

	/** One full-text field per language analyzer, named as in {@code names} (same order as {@link #ANALYZERS}). */
	private static PropertyMappingStep inLanguages(PropertyMappingStep property, String[] names) {
		PropertyMappingStep step = property;
		for (int i = 0; i < names.length; i++) {
			step = step.fullTextField(names[i]).analyzer(ANALYZERS[i]);
		}
		return step;
	}

}
