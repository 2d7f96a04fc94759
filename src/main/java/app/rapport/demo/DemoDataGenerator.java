package app.rapport.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import app.rapport.audit.AuditTrail;
import app.rapport.customer.ContactPoints;
import app.rapport.customer.ContactRole;
import app.rapport.customer.LifecycleStage;
import app.rapport.customer.OrganizationKind;
import app.rapport.customer.TimelineKind;
import app.rapport.demo.DemoContent.OrganizationSeed;
import app.rapport.demo.DemoContent.TicketTemplate;
import app.rapport.demo.DemoContent.Turn;
import app.rapport.demo.PersonNames.PersonName;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes organizations, contacts, tickets, their conversations, timeline and audit entries straight to the
 * database with multi-row JDBC batches, one transaction per batch. Deterministic for a seed and a clock.
 *
 * <p>A data tool, not a feature: it bypasses the services (and so search indexing, events and the audit
 * trail's own writer) on purpose. Reindex search afterwards.
 */
@Component
public class DemoDataGenerator {

	private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	private static final String[] LANGUAGES = DemoContent.LANGUAGES.toArray(String[]::new);

	/** Consumers' languages: en, zh-CN, zh-TW, bg. */
	private static final int[] CONSUMER_LANGUAGE_WEIGHTS = { 35, 30, 15, 20 };

	private static final TicketType[] TYPES = TicketType.values();

	private static final int[] TYPE_WEIGHTS = weights(TYPES, "QUESTION", 24, "REQUEST", 18, "COMPLAINT", 16,
			"RETURN_EXCHANGE", 10, "SUGGESTION", 8, "PRAISE", 7, "INCIDENT", 17);

	private static final TicketState[] STATES = TicketState.values();

	// NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED, CLOSED by the ticket's age: recent ones are still being
	// worked on, most older ones are closed.
	private static final int[] STATES_UNDER_3_DAYS = { 35, 35, 15, 5, 10, 0 };

	private static final int[] STATES_UNDER_30_DAYS = { 4, 24, 20, 10, 30, 12 };

	private static final int[] STATES_OLDER = { 0, 3, 3, 2, 10, 82 };

	private static final String[] CHANNELS = { "EMAIL", "WEB_FORM", "PORTAL", "PHONE", "API", "VISIT" };

	private static final int[] CHANNEL_WEIGHTS = { 45, 20, 15, 12, 5, 3 };

	private static final ContactRole[] ROLES = { ContactRole.USER, ContactRole.PAYER, ContactRole.DECISION_MAKER,
			ContactRole.OTHER };

	private static final int[] ROLE_WEIGHTS = { 50, 15, 10, 25 };

	private final DataSource dataSource;

	private final Clock clock;

	DemoDataGenerator(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/** Generates everything in the plan for the given team; rows are committed batch by batch. */
	public GenerationReport generate(DemoContent content, DemoTeam team, GenerationPlan plan) {
		try (Connection connection = dataSource.getConnection(); IdReservations ids = new IdReservations(dataSource)) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				return new Run(content, team, plan, connection, ids, clock.instant()).execute();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Generating data failed: " + ex.getMessage(), ex);
		}
	}

	/** One generation run: its random source, its clock reading and what it has written so far. */
	private static final class Run {

		private final DemoContent content;

		private final DemoTeam team;

		private final GenerationPlan plan;

		private final Connection connection;

		private final IdReservations ids;

		private final Instant now;

		private final SplittableRandom random;

		private final long started = System.nanoTime();

		private long lastProgress = System.nanoTime();

		private long organizationsWritten, contactsWritten, ticketsWritten, messagesWritten, timelineWritten,
				auditWritten;

		private long[] organizationIds = new long[0];

		private String[] organizationLanguage = new String[0];

		private String[] organizationDomain = new String[0];

		private String[] organizationStage = new String[0];

		private Instant[] organizationCreated = new Instant[0];

		private long[] contactIds;

		private byte[] contactLanguage;

		private long[] contactOrganization;

		private String[] contactName;

		Run(DemoContent content, DemoTeam team, GenerationPlan plan, Connection connection, IdReservations ids,
				Instant now) {
			this.content = content;
			this.team = team;
			this.plan = plan;
			this.connection = connection;
			this.ids = ids;
			this.now = now;
			this.random = new SplittableRandom(plan.seed());
		}

		GenerationReport execute() throws SQLException {
			log.info("Generating {} organizations, {} contacts, {} tickets ({} messages per ticket), seed {}",
					plan.organizations(), plan.contacts(), plan.tickets(),
					plan.messagesPerTicket() > 0 ? String.format(Locale.ROOT, "%.1f", plan.messagesPerTicket()) : "natural",
					plan.seed());
			organizations();
			contacts();
			tickets();
			if (plan.tickets() >= 10_000) {
				// Fresh statistics so that the first queries after a big load choose the indexes.
				try (Statement s = connection.createStatement()) {
					s.execute("analyze");
				}
				connection.commit();
			}
			GenerationReport report = report();
			log.info("Generated {} rows in {} s ({} rows/s): {} organizations, {} contacts, {} tickets, {} messages, "
					+ "{} timeline entries, {} audit entries", report.rows(), report.elapsed().toSeconds(),
					report.rowsPerSecond(), organizationsWritten, contactsWritten, ticketsWritten, messagesWritten,
					timelineWritten, auditWritten);
			return report;
		}

		private GenerationReport report() {
			return new GenerationReport(organizationsWritten, contactsWritten, ticketsWritten, messagesWritten,
					timelineWritten, auditWritten, Duration.ofNanos(System.nanoTime() - started));
		}

		// ---------------------------------------------------------------- organizations

		private void organizations() throws SQLException {
			int count = plan.organizations();
			List<OrganizationSeed> seeds = content.organizations();
			if (count == 0 || seeds.isEmpty()) {
				return;
			}
			organizationIds = new long[count];
			organizationLanguage = new String[count];
			organizationDomain = new String[count];
			organizationStage = new String[count];
			organizationCreated = new Instant[count];
			long first = ids.reserve("organization_seq", count);
			BulkInsert rows = new BulkInsert("organization", "id", Types.BIGINT, "name", Types.VARCHAR, "latin_name",
					Types.VARCHAR, "domain", Types.VARCHAR, "kind", Types.VARCHAR, "lifecycle_stage", Types.VARCHAR,
					"language", Types.VARCHAR, "values_most", Types.VARCHAR, "notes", Types.VARCHAR, "account_owner_id",
					Types.BIGINT, "created_at", Types.TIMESTAMP_WITH_TIMEZONE, "version", Types.BIGINT);
			BulkInsert tags = new BulkInsert("organization_tag", "organization_id", Types.BIGINT, "tag", Types.VARCHAR);
			for (int i = 0; i < count; i++) {
				OrganizationSeed seed = seeds.get(i % seeds.size());
				int copy = i / seeds.size();
				long id = first + i;
				String language = supported(seed.language());
				String domain = seed.domain() == null ? null : (copy == 0 ? seed.domain() : "b" + (copy + 1) + "." + seed.domain());
				String stage = enumName(LifecycleStage.class, seed.lifecycle(), LifecycleStage.CUSTOMER);
				Instant created = now.minus(Duration.ofDays(400 + random.nextInt(1500)));
				organizationIds[i] = id;
				organizationLanguage[i] = language;
				organizationDomain[i] = domain;
				organizationStage[i] = stage;
				organizationCreated[i] = created;
				DemoTeam.Member owner = team.accountOwnerFor(language, random);
				rows.add(id, copy == 0 ? seed.name() : seed.name() + " " + (copy + 1), seed.latinName(), domain,
						enumName(OrganizationKind.class, seed.kind(), OrganizationKind.COMPANY), stage, language,
						clip(seed.valuesMost(), 1000), clip(seed.notes(), 4000), owner == null ? null : owner.id(), created,
						0L);
				for (String tag : distinctTags(seed.tags())) {
					tags.add(id, tag);
				}
			}
			rows.flush(connection);
			tags.flush(connection);
			connection.commit();
			organizationsWritten = rows.written();
		}

		// ---------------------------------------------------------------- contacts

		private void contacts() throws SQLException {
			int count = plan.contacts();
			contactIds = new long[count];
			contactLanguage = new byte[count];
			contactOrganization = new long[count];
			contactName = new String[count];
			Set<String> emails = existingEmails();
			long first = ids.reserve("contact_seq", count);
			BulkInsert rows = new BulkInsert("contact", "id", Types.BIGINT, "name", Types.VARCHAR, "latin_name",
					Types.VARCHAR, "organization_id", Types.BIGINT, "organization_role", Types.VARCHAR, "primary_email",
					Types.VARCHAR, "language", Types.VARCHAR, "preferred_channel", Types.VARCHAR, "lifecycle_stage",
					Types.VARCHAR, "values_most", Types.VARCHAR, "personal_notes", Types.VARCHAR, "account_owner_id",
					Types.BIGINT, "created_at", Types.TIMESTAMP_WITH_TIMEZONE, "version", Types.BIGINT);
			BulkInsert emailRows = new BulkInsert("contact_email", "contact_id", Types.BIGINT, "email", Types.VARCHAR);
			BulkInsert phoneRows = new BulkInsert("contact_phone", "contact_id", Types.BIGINT, "phone", Types.VARCHAR,
					"normalized", Types.VARCHAR);
			BulkInsert tagRows = new BulkInsert("contact_tag", "contact_id", Types.BIGINT, "tag", Types.VARCHAR);
			int organizations = organizationIds.length;
			// The first contacts are one per organization, its decision maker; then about four in five work at one.
			int keyPeople = Math.min(organizations, count * 4 / 5);
			for (int i = 0; i < count; i++) {
				long id = first + i;
				int org = i < keyPeople ? i : (organizations > 0 && random.nextInt(100) < 78 ? random.nextInt(organizations) : -1);
				String language = org >= 0 ? organizationLanguage[org] : LANGUAGES[weighted(CONSUMER_LANGUAGE_WEIGHTS)];
				PersonName person = PersonNames.compose(language, content.names(language), random);
				String email = uniqueEmail(emails, person.emailLocalPart(), org >= 0 ? organizationDomain[org] : null,
						language);
				String role = org < 0 ? null : (i < keyPeople ? ContactRole.DECISION_MAKER : ROLES[weighted(ROLE_WEIGHTS)]).name();
				String stage = org >= 0 ? organizationStage[org] : consumerStage();
				List<String> values = content.consumerValuesMost(language);
				String valuesMost = values.isEmpty() || random.nextInt(100) >= (org < 0 ? 85 : 55) ? null
						: PersonNames.pick(values, random);
				List<String> notes = content.personalNotes(language);
				String personalNotes = notes.isEmpty() || random.nextInt(100) >= 35 ? null : PersonNames.pick(notes, random);
				DemoTeam.Member owner = org >= 0 && random.nextInt(3) == 0 ? team.accountOwnerFor(language, random) : null;
				Instant created = (org >= 0 ? organizationCreated[org] : now.minus(Duration.ofDays(700)))
					.plus(Duration.ofHours(random.nextInt(24 * 300)));
				if (created.isAfter(now)) {
					created = now.minus(Duration.ofDays(1 + random.nextInt(30)));
				}
				rows.add(id, person.name(), person.latinName(), org >= 0 ? organizationIds[org] : null, role, email, language,
						random.nextInt(100) < 70 ? "EMAIL" : (random.nextBoolean() ? "PHONE" : "PORTAL"), stage,
						clip(valuesMost, 1000), clip(personalNotes, 4000), owner == null ? null : owner.id(), created, 0L);
				emailRows.add(id, email);
				if (random.nextInt(100) < 70) {
					String phone = phone(language);
					phoneRows.add(id, phone, ContactPoints.normalizePhone(phone));
				}
				if (org < 0 && random.nextInt(100) < 6) {
					tagRows.add(id, "vip");
				}
				contactIds[i] = id;
				contactLanguage[i] = (byte) indexOf(language);
				contactOrganization[i] = org >= 0 ? organizationIds[org] : 0;
				contactName[i] = person.name();
				if (rows.pending() >= plan.batchSize() || i == count - 1) {
					rows.flush(connection);
					emailRows.flush(connection);
					phoneRows.flush(connection);
					tagRows.flush(connection);
					connection.commit();
					contactsWritten = rows.written();
					progress("contacts", contactsWritten, count);
				}
			}
		}

		private Set<String> existingEmails() throws SQLException {
			Set<String> emails = new HashSet<>();
			try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select email from contact_email")) {
				while (rs.next()) {
					emails.add(rs.getString(1));
				}
			}
			return emails;
		}

		private String uniqueEmail(Set<String> taken, String localPart, String organizationDomain, String language) {
			String domain = organizationDomain != null ? organizationDomain : consumerMailDomain(language);
			String email = localPart + "@" + domain;
			for (int n = 2; !taken.add(email); n++) {
				email = localPart + n + "@" + domain;
			}
			return email;
		}

		private String consumerMailDomain(String language) {
			String[] domains = switch (language) {
				case "zh-CN" -> new String[] { "qq.com", "163.com", "126.com", "sina.com" };
				case "zh-TW" -> new String[] { "gmail.com", "yahoo.com.tw", "hotmail.com.tw" };
				case "bg" -> new String[] { "abv.bg", "mail.bg", "gmail.com" };
				default -> new String[] { "gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com" };
			};
			return domains[random.nextInt(domains.length)];
		}

		private String phone(String language) {
			return switch (language) {
				case "zh-CN" -> "+86 13" + random.nextInt(10) + " " + digits(4) + " " + digits(4);
				case "zh-TW" -> "+886 9" + digits(2) + " " + digits(3) + " " + digits(3);
				case "bg" -> "+359 88" + random.nextInt(10) + " " + digits(3) + " " + digits(3);
				default -> "+44 7" + digits(3) + " " + digits(6);
			};
		}

		private String digits(int n) {
			StringBuilder sb = new StringBuilder(n);
			for (int i = 0; i < n; i++) {
				sb.append((char) ('0' + random.nextInt(10)));
			}
			return sb.toString();
		}

		private String consumerStage() {
			int r = random.nextInt(100);
			return (r < 80 ? LifecycleStage.CUSTOMER
					: r < 90 ? LifecycleStage.PROSPECT : r < 97 ? LifecycleStage.LAPSED : LifecycleStage.LOST).name();
		}

		// ---------------------------------------------------------------- tickets

		private void tickets() throws SQLException {
			int count = plan.tickets();
			if (count == 0) {
				return;
			}
			long first = ids.reserve("ticket_seq", count);
			int cap = plan.messagesPerTicket() > 0 ? Math.max(2, (int) Math.ceil(plan.messagesPerTicket() * 3)) : Integer.MAX_VALUE;
			long produced = 0;
			BulkInsert ticketRows = new BulkInsert("ticket", "id", Types.BIGINT, "subject", Types.VARCHAR, "type",
					Types.VARCHAR, "priority", Types.VARCHAR, "state", Types.VARCHAR, "requester_id", Types.BIGINT,
					"organization_id", Types.BIGINT, "group_id", Types.BIGINT, "owner_id", Types.BIGINT, "channel",
					Types.VARCHAR, "created_at", Types.TIMESTAMP_WITH_TIMEZONE, "updated_at", Types.TIMESTAMP_WITH_TIMEZONE,
					"solved_at", Types.TIMESTAMP_WITH_TIMEZONE, "closed_at", Types.TIMESTAMP_WITH_TIMEZONE, "version",
					Types.BIGINT, "priority_rank", Types.SMALLINT);
			BulkInsert tagRows = new BulkInsert("ticket_tag", "ticket_id", Types.BIGINT, "tag", Types.VARCHAR);
			BulkInsert messageRows = new BulkInsert("message", "id", Types.BIGINT, "ticket_id", Types.BIGINT,
					"author_user_id", Types.BIGINT, "author_contact_id", Types.BIGINT, "is_public", Types.BOOLEAN,
					"body_text", Types.VARCHAR, "created_at", Types.TIMESTAMP_WITH_TIMEZONE);
			BulkInsert timelineRows = new BulkInsert("timeline_entry", "id", Types.BIGINT, "contact_id", Types.BIGINT,
					"organization_id", Types.BIGINT, "kind", Types.VARCHAR, "summary", Types.VARCHAR, "ticket_id",
					Types.BIGINT, "ticket_group_id", Types.BIGINT, "ticket_owner_id", Types.BIGINT, "actor_user_id",
					Types.BIGINT, "occurred_at", Types.TIMESTAMP_WITH_TIMEZONE);
			BulkInsert auditRows = new BulkInsert("audit_entry", "id", Types.BIGINT, "entity_type", Types.VARCHAR,
					"entity_id", Types.BIGINT, "field", Types.VARCHAR, "old_value", Types.VARCHAR, "new_value",
					Types.VARCHAR, "actor_user_id", Types.BIGINT, "occurred_at", Types.TIMESTAMP_WITH_TIMEZONE);

			for (int t = 0; t < count; t++) {
				long ticketId = first + t;
				int requester = (int) (contactIds.length * Math.pow(random.nextDouble(), 1.6));
				String language = LANGUAGES[contactLanguage[requester]];
				long requesterId = contactIds[requester];
				Long organizationId = contactOrganization[requester] == 0 ? null : contactOrganization[requester];
				TicketType type = t < TYPES.length ? TYPES[t] : TYPES[weighted(TYPE_WEIGHTS)];
				List<TicketTemplate> templates = content.templates(language, type.name());
				TicketTemplate template = PersonNames.pick(templates, random);
				TicketState state;
				long ageMinutes;
				if (t < STATES.length) {
					// The first few tickets cover every state, so that even a small run shows them all.
					state = STATES[t];
					ageMinutes = new long[] { 90, 26 * 60, 3 * 1440, 6 * 1440, 10 * 1440, 60 * 1440 }[t];
				}
				else {
					double u = random.nextDouble();
					ageMinutes = 10 + (long) (365L * 1440 * u * u);
					int[] weights = ageMinutes < 3 * 1440 ? STATES_UNDER_3_DAYS
							: ageMinutes < 30 * 1440 ? STATES_UNDER_30_DAYS : STATES_OLDER;
					state = STATES[weighted(weights)];
				}
				Instant created = now.minus(Duration.ofMinutes(ageMinutes));
				Priority priority = t < Priority.values().length ? Priority.values()[t]
						: random.nextInt(100) < 15 ? Priority.values()[random.nextInt(Priority.values().length)]
								: Priority.valueOf(enumName(Priority.class, template.priority(), Priority.NORMAL));
				long groupId = team.groupFor(language, type.name(), template.tags(), random);
				DemoTeam.Member owner = state == TicketState.NEW ? null : team.ownerFor(groupId, language, random);
				DemoTeam.Member writer = owner != null ? owner : team.ownerFor(groupId, language, random);
				String customer = contactName[requester];
				String agentName = writer == null ? "" : firstName(writer.displayName());

				int messages = messageCount(state, template, plan.messagesPerTicket(), cap, t, produced);
				produced += messages;
				List<Turn> turns = conversation(template, language, messages);

				Instant[] times = times(turns, created, state);
				Instant last = times[turns.size() - 1];
				Instant solved = null;
				Instant closed = null;
				if (state == TicketState.SOLVED || state == TicketState.CLOSED) {
					solved = between(last, now, 0.3);
					if (state == TicketState.CLOSED) {
						closed = between(solved, now, 0.5);
					}
				}
				Instant updated = closed != null ? closed : solved != null ? solved : last;
				String subject = clip(fill(template.subject(), customer, agentName, ticketId), 500);
				ticketRows.add(ticketId, subject, type.name(), priority.name(), state.name(), requesterId, organizationId,
						groupId, owner == null ? null : owner.id(), CHANNELS[weighted(CHANNEL_WEIGHTS)], created, updated,
						solved, closed, 0L, (short) priority.rank());
				for (String tag : distinctTags(template.tags())) {
					tagRows.add(ticketId, tag);
				}
				Long ownerId = owner == null ? null : owner.id();
				timelineRows.add(null, requesterId, organizationId, TimelineKind.TICKET_OPENED.name(), clip(subject, 500),
						ticketId, groupId, ownerId, null, created);
				Instant firstAgentAt = null;
				for (int m = 0; m < turns.size(); m++) {
					Turn turn = turns.get(m);
					String text = fill(turn.text(), customer, agentName, ticketId);
					Long author = turn.agent() && writer != null ? writer.id() : null;
					boolean byAgent = turn.agent() && writer != null;
					messageRows.add(null, ticketId, author, byAgent ? null : requesterId, byAgent ? turn.publicMessage() : true,
							text, times[m]);
					if (m > 0) {
						TimelineKind kind = !byAgent ? TimelineKind.MESSAGE_RECEIVED
								: turn.publicMessage() ? TimelineKind.REPLY_SENT : TimelineKind.INTERNAL_NOTE;
						timelineRows.add(null, requesterId, organizationId, kind.name(), summary(text), ticketId, groupId,
								ownerId, author, times[m]);
					}
					if (byAgent && firstAgentAt == null) {
						firstAgentAt = times[m];
					}
				}
				if (owner != null) {
					Instant assigned = firstAgentAt != null ? between(created, firstAgentAt, 0.5) : between(created, updated, 0.2);
					auditRows.add(null, AuditTrail.TICKET, ticketId, "owner", null, owner.displayName(), owner.id(), assigned);
					auditRows.add(null, AuditTrail.TICKET, ticketId, "state", TicketState.NEW.name(), TicketState.OPEN.name(),
							owner.id(), assigned);
					if (state != TicketState.OPEN) {
						auditRows.add(null, AuditTrail.TICKET, ticketId, "state", TicketState.OPEN.name(), state.name(),
								owner.id(), updated);
					}
				}
				if (ticketRows.pending() >= plan.batchSize() || t == count - 1) {
					assignIds(messageRows, "message_seq");
					assignIds(timelineRows, "timeline_entry_seq");
					assignIds(auditRows, "audit_entry_seq");
					ticketRows.flush(connection);
					tagRows.flush(connection);
					messageRows.flush(connection);
					timelineRows.flush(connection);
					auditRows.flush(connection);
					connection.commit();
					ticketsWritten = ticketRows.written();
					messagesWritten = messageRows.written();
					timelineWritten = timelineRows.written();
					auditWritten = auditRows.written();
					progress("tickets", ticketsWritten, count);
				}
			}
		}

		private void assignIds(BulkInsert rows, String sequence) throws SQLException {
			if (rows.pending() == 0) {
				return;
			}
			long next = ids.reserve(sequence, rows.pending());
			for (Object[] row : rows.rows()) {
				row[0] = next++;
			}
		}

		/**
		 * How many messages the ticket gets. With an average to meet, each ticket makes up for the ones before it,
		 * so that the total ends close to tickets × average whatever the states drawn.
		 */
		private int messageCount(TicketState state, TicketTemplate template, double average, int cap, int index,
				long producedSoFar) {
			if (state == TicketState.NEW) {
				return 1;
			}
			int natural = 1 + template.conversation().size();
			if (average <= 0) {
				if (state == TicketState.OPEN && natural > 2) {
					return 2 + random.nextInt(natural - 1);
				}
				return Math.max(2, natural);
			}
			double due = average * (index + 1) - producedSoFar;
			int n = (int) Math.round(due) + random.nextInt(3) - 1;
			return Math.max(2, Math.min(cap, n));
		}

		/** The customer's first message, the template's conversation, then replies from the pools taking turns. */
		private List<Turn> conversation(TicketTemplate template, String language, int count) {
			List<Turn> turns = new ArrayList<>(count);
			turns.add(new Turn(false, true, template.body()));
			for (Turn turn : template.conversation()) {
				if (turns.size() == count) {
					return turns;
				}
				turns.add(turn);
			}
			while (turns.size() < count) {
				boolean agent = !turns.get(turns.size() - 1).agent();
				List<String> pool = content.replies(language, agent);
				if (pool.isEmpty()) {
					pool = content.replies(language, !agent);
					agent = !agent;
				}
				String text = pool.isEmpty() ? template.body() : PersonNames.pick(pool, random);
				turns.add(new Turn(agent, true, text));
			}
			return turns;
		}

		/** When each message was written: replies come minutes to hours apart, all before now. */
		private Instant[] times(List<Turn> turns, Instant created, TicketState state) {
			Instant[] times = new Instant[turns.size()];
			long[] gaps = new long[turns.size()];
			long total = 0;
			for (int i = 1; i < turns.size(); i++) {
				gaps[i] = turns.get(i).agent() ? 10 + random.nextInt(8 * 60) : 30 + random.nextInt(2 * 1440);
				total += gaps[i];
			}
			long window = Math.max(1, Duration.between(created, now).toMinutes());
			double share = state == TicketState.SOLVED || state == TicketState.CLOSED ? 0.6 : 0.9;
			double scale = total > window * share ? window * share / total : 1.0;
			Instant at = created;
			times[0] = created;
			for (int i = 1; i < turns.size(); i++) {
				at = at.plusSeconds(Math.max(1, (long) (gaps[i] * 60 * scale)));
				times[i] = at;
			}
			return times;
		}

		/** A moment a random part of the way from {@code from} towards {@code to}, at most {@code share} of it. */
		private Instant between(Instant from, Instant to, double share) {
			long seconds = Math.max(1, Duration.between(from, to).getSeconds());
			return from.plusSeconds(1 + (long) (seconds * share * random.nextDouble()));
		}

		private void progress(String what, long done, long total) {
			long nowNanos = System.nanoTime();
			if (done < total && nowNanos - lastProgress < PROGRESS_EVERY.toNanos()) {
				return;
			}
			lastProgress = nowNanos;
			GenerationReport report = report();
			log.info("Generated {} {} / {} ({}%), {} rows so far, {} rows/s", what, done, total, done * 100 / total,
					report.rows(), report.rowsPerSecond());
		}

		private int weighted(int[] weights) {
			int sum = 0;
			for (int w : weights) {
				sum += w;
			}
			int r = random.nextInt(sum);
			for (int i = 0; i < weights.length; i++) {
				r -= weights[i];
				if (r < 0) {
					return i;
				}
			}
			return weights.length - 1;
		}

	}

	private static String fill(String text, String customer, String agent, long ticketId) {
		if (text == null) {
			return "";
		}
		return text.replace("{customer}", customer)
			.replace("{agent}", agent)
			.replace("{ticket}", String.valueOf(ticketId))
			.replace("{number}", String.valueOf(ticketId));
	}

	/** How an agent signs a reply: "Oliver" for Oliver Bennett, the whole name for 王磊. */
	static String firstName(String displayName) {
		int space = displayName.indexOf(' ');
		return space > 0 ? displayName.substring(0, space) : displayName;
	}

	private static String summary(String text) {
		String oneLine = text.replaceAll("\\s+", " ").trim();
		return oneLine.length() > 200 ? oneLine.substring(0, 199) + "…" : oneLine;
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static Set<String> distinctTags(List<String> tags) {
		Set<String> out = new LinkedHashSet<>();
		for (String tag : tags) {
			String t = tag.trim().toLowerCase(Locale.ROOT);
			if (!t.isEmpty()) {
				out.add(t.length() > 60 ? t.substring(0, 60) : t);
			}
		}
		return out;
	}

	private static String supported(String language) {
		return indexOf(language) >= 0 ? language : "en";
	}

	private static int indexOf(String language) {
		for (int i = 0; i < LANGUAGES.length; i++) {
			if (LANGUAGES[i].equals(language)) {
				return i;
			}
		}
		return -1;
	}

	private static <E extends Enum<E>> String enumName(Class<E> type, String value, E fallback) {
		if (value != null) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(value.trim())) {
					return e.name();
				}
			}
		}
		return fallback.name();
	}

	private static int[] weights(TicketType[] order, Object... nameAndWeight) {
		int[] out = new int[order.length];
		for (int i = 0; i < nameAndWeight.length; i += 2) {
			out[TicketType.valueOf((String) nameAndWeight[i]).ordinal()] = (Integer) nameAndWeight[i + 1];
		}
		return out;
	}

}
