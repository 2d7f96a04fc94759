package app.rapport.ticket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import app.rapport.audit.AuditRecord;
import app.rapport.audit.AuditTrail;
import app.rapport.customer.Channel;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.customer.CustomerTimeline;
import app.rapport.customer.TicketAccess;
import app.rapport.customer.TimelineKind;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.shared.ConflictException;
import app.rapport.shared.HtmlSanitizer;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to tickets: opening, assignment, messages, changes of state and fields,
 * merges and links. Every change is audited with its actor; a ticket the caller may not see is
 * reported as not found.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class TicketService {

	static final int MAX_SUBJECT = 500;

	static final int MAX_BODY = 200_000;

	private final TicketRepository tickets;

	private final MessageRepository messages;

	private final TicketLinkRepository links;

	private final AttachmentRepository attachments;

	private final AttachmentStore store;

	private final AssignmentCursors cursors;

	private final TicketFinder finder;

	private final TicketCounters counters;

	private final org.springframework.transaction.support.TransactionTemplate readOnly;

	private final TicketFields fields;

	private final UserDirectory users;

	private final CustomerDirectory customers;

	private final CustomerTimeline timeline;

	private final AuditTrail audit;

	private final Clock clock;

	private final UserAdministration administration;

	private final ApplicationEventPublisher events;

	TicketService(TicketRepository tickets, MessageRepository messages, TicketLinkRepository links,
			AttachmentRepository attachments, AttachmentStore store, AssignmentCursors cursors, TicketFinder finder, TicketCounters counters,
			TicketFields fields, UserDirectory users, CustomerDirectory customers, CustomerTimeline timeline,
			AuditTrail audit, Clock clock, UserAdministration administration,
			ApplicationEventPublisher events, org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.events = events;
		this.tickets = tickets;
		this.messages = messages;
		this.links = links;
		this.attachments = attachments;
		this.store = store;
		this.cursors = cursors;
		this.finder = finder;
		this.counters = counters;
		this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.fields = fields;
		this.users = users;
		this.customers = customers;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
		this.administration = administration;
	}

	// ---------------------------------------------------------------- opening

	/**
	 * Opens a ticket whose first message is the requester's, assigns it per its group's mode and records
	 * it on the customer's timeline. {@code actorUserId} is the agent or integrator who opened it, or
	 * {@code null} for a channel acting on its own.
	 */
	public TicketView open(NewTicket cmd, Long actorUserId) {
		Map<String, String> errors = new LinkedHashMap<>();
		String subject = cmd.subject() == null ? "" : cmd.subject().strip();
		if (subject.isEmpty()) {
			errors.put("subject", "must not be blank");
		}
		else if (subject.length() > MAX_SUBJECT) {
			errors.put("subject", "must be at most " + MAX_SUBJECT + " characters");
		}
		Body body = null;
		try {
			body = body(cmd.body(), cmd.html());
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The ticket has invalid fields.", errors);
		}
		Set<String> tags = Tags.normalize(cmd.tags());
		Map<String, String> custom = fields.check(cmd.customFields());
		GroupSummary group = cmd.groupId() == null ? defaultGroup()
				: users.group(cmd.groupId())
					.orElseThrow(() -> new InvalidInputException("groupId", "there is no group with id " + cmd.groupId()));
		ContactSummary requester = requester(cmd);
		Instant now = clock.instant();
		Channel channel = cmd.channel() == null ? Channel.API : cmd.channel();
		Ticket ticket = new Ticket(subject, cmd.type() == null ? TicketType.QUESTION : cmd.type(),
				cmd.priority() == null ? Priority.NORMAL : cmd.priority(), requester.id(), requester.organizationId(),
				group.id(), channel.name(), now);
		ticket.getTags().addAll(tags);
		custom.forEach((k, v) -> {
			if (v != null) {
				ticket.getCustomFields().put(k, v);
			}
		});
		UserSummary chosen = chooseOwner(group, requester.language()).orElse(null);
		Long owner = chosen == null ? null : chosen.id();
		ticket.setOwnerId(owner);
		tickets.save(ticket);
		Message first = new Message(ticket, null, requester.id(), true, body.text(), body.html(), now);
		ticket.getMessages().add(first);
		messages.save(first);
		audit.record(AuditTrail.TICKET, ticket.getId(), "created", null, "#" + ticket.getId() + " " + subject,
				actorUserId);
		// Automatic assignment has no human actor.
		audit.record(AuditTrail.TICKET, ticket.getId(), "owner", null, owner, null);
		timeline.record(requester.id(), TimelineKind.TICKET_OPENED, subject, access(ticket), actorUserId, now);
		events.publishEvent(TicketActivity.of(TicketActivity.Kind.OPENED, ticket, now));
		// Flush so that the version in the answer is the one a following update must send.
		tickets.flush();
		// The group, the requester and the owner are known already: the answer needs no query.
		return view(ticket, chosen == null ? Map.of() : Map.of(chosen.id(), chosen), Map.of(group.id(), group),
				Map.of(requester.id(), requester));
	}

	private ContactSummary requester(NewTicket cmd) {
		if (cmd.requesterId() != null) {
			return customers.contact(cmd.requesterId())
				.orElseThrow(() -> new InvalidInputException("requester.id",
						"there is no contact with id " + cmd.requesterId()));
		}
		if (cmd.requesterEmail() != null && !cmd.requesterEmail().isBlank()) {
			try {
				return customers.findOrCreateByEmail(cmd.requesterEmail().strip(), cmd.requesterName(), null);
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException("requester.email", "is not a valid e-mail address");
			}
		}
		throw new InvalidInputException("requester", "give the requester's contact id or e-mail address");
	}

	/** Where a request that names no group lands: the group an admin marked as the default. */
	private GroupSummary defaultGroup() {
		// Normally made at start; created here too, so that a request racing the start-up is not refused.
		return users.defaultGroup().orElseGet(administration::ensureDefaultGroup);
	}

	/** The owner a new ticket gets by its group's assignment mode, among the group's active agents. */
	private Optional<UserSummary> chooseOwner(GroupSummary group, String language) {
		if (group.assignmentMode() == AssignmentMode.MANUAL) {
			return Optional.empty();
		}
		List<UserSummary> members = users.activeMembers(group.id())
			.stream()
			.filter(u -> u.role() != Role.ANALYST)
			.toList();
		if (members.isEmpty()) {
			return Optional.empty();
		}
		Optional<Long> id;
		if (group.assignmentMode() == AssignmentMode.ROUND_ROBIN) {
			id = cursors.advance(group.id(),
					last -> Assignment.choose(group.assignmentMode(), members, language, last, Map.of()));
		}
		else {
			Map<Long, Long> open = counters.activePerOwner(members.stream().map(UserSummary::id).toList());
			id = Assignment.choose(group.assignmentMode(), members, language, null, open);
		}
		return id.flatMap(chosen -> members.stream().filter(u -> u.id() == chosen).findFirst());
	}

	// ---------------------------------------------------------------- reading

	/** The ticket if the user may see it. */
	@Transactional(readOnly = true)
	public TicketView get(long id, CurrentUser me) {
		return view(visible(id, me));
	}

	/**
	 * The tickets among {@code ids} that {@code me} may see now, read from the database in one query: for
	 * callers that found them elsewhere (the search index) and must not show what moved out of reach since.
	 * Ids of tickets that do not exist are left out; never {@code null}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, TicketSummary> visibleAmong(Collection<Long> ids, CurrentUser me) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Viewer viewer = viewer(me);
		return tickets.findAllById(Set.copyOf(ids))
			.stream()
			.filter(viewer::canSee)
			.collect(Collectors.toMap(Ticket::getId, t -> new TicketSummary(t.getId(), t.getNumber(), t.getSubject(),
					t.getState(), t.getPriority(), t.getCreatedAt(), t.getUpdatedAt())));
	}

	/**
	 * Which of the tickets the user may see now (unknown ids are left out): for a module that shows something
	 * about a ticket to someone who is not signed in at that moment, e.g. a mail.
	 */
	@Transactional(readOnly = true)
	public Set<Long> visibleTo(UserSummary user, Collection<Long> ids) {
		if (ids.isEmpty() || !user.active()) {
			return Set.of();
		}
		Viewer viewer = user.role().seesAllTickets() ? new Viewer(user.id(), true, Set.of())
				: new Viewer(user.id(), false, users.groupIdsOf(user.id()));
		return tickets.findAllById(Set.copyOf(ids))
			.stream()
			.filter(viewer::canSee)
			.map(Ticket::getId)
			.collect(Collectors.toSet());
	}

	/** A page of tickets the user may see, filtered and sorted as asked. */
	@Transactional(readOnly = true)
	public Page<TicketView> find(TicketQuery query, Pageable pageable, CurrentUser me) {
		Page<Ticket> page = finder.find(query, pageable, viewer(me), counters);
		return app.rapport.shared.CappedPage.of(page, views(page.getContent()));
	}

	/**
	 * Every ticket of the query the user may see, {@code pageSize} at a time by keyset (no OFFSET, no count),
	 * each page read in its own short transaction, at most {@code limit}: for exports of a whole queue.
	 */
	public java.util.stream.Stream<TicketView> walk(TicketQuery query, int pageSize, int limit, CurrentUser me) {
		Viewer viewer = viewer(me);
		return java.util.stream.Stream
			.iterate(readOnly.execute(s -> views(finder.after(query, null, pageSize, viewer))),
					page -> !page.isEmpty(),
					page -> page.size() < pageSize ? List.<TicketView>of()
							: readOnly.execute(s -> views(finder.after(query,
									TicketFinder.Cursor.of(page.get(page.size() - 1)), pageSize, viewer))))
			.flatMap(List::stream)
			.limit(limit);
	}

	/** How many tickets each queue holds for the user (without extra filters). */
	@Transactional(readOnly = true)
	public Map<Queue, Long> queueCounts(CurrentUser me) {
		Viewer viewer = viewer(me);
		Map<Queue, Long> counts = new EnumMap<>(Queue.class);
		for (Queue queue : Queue.values()) {
			if (queue == Queue.ALL && !me.seesAllTickets()) {
				continue;
			}
			counts.put(queue, counters.count(TicketQuery.of(queue), viewer).orElseThrow());
		}
		return counts;
	}

	/** The conversation of a ticket, oldest first. */
	@Transactional(readOnly = true)
	public Page<MessageView> messages(long ticketId, Pageable pageable, CurrentUser me) {
		Ticket ticket = visible(ticketId, me);
		Page<Message> page = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId(),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		return new PageImpl<>(messageViews(page.getContent()), pageable, page.getTotalElements());
	}

	/** Everything the ticket page shows. */
	@Transactional(readOnly = true)
	public TicketDetails details(long id, CurrentUser me) {
		Ticket ticket = visible(id, me);
		TicketView view = view(ticket);
		List<MessageView> conversation = messageViews(ticket.getMessages());
		ContactSummary requester = customers.contact(ticket.getRequesterId()).orElse(null);
		Viewer viewer = viewer(me);
		List<TicketView> recent = views(tickets
			.findByRequesterIdOrderByCreatedAtDesc(ticket.getRequesterId(), PageRequest.of(0, 11))
			.stream()
			.filter(t -> !t.getId().equals(ticket.getId()) && viewer.canSee(t))
			.limit(10)
			.toList());
		List<AuditRecord> history = audit.history(AuditTrail.TICKET, ticket.getId(), PageRequest.of(0, 100)).getContent();
		Map<Long, UserSummary> actors = users
			.users(history.stream().map(AuditRecord::actorUserId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<Long, String> actorNames = new HashMap<>();
		actors.forEach((k, v) -> actorNames.put(k, v.displayName()));
		return new TicketDetails(view, conversation, linksOf(ticket, viewer), requester, recent, history, actorNames,
				TicketStateMachine.nextStates(ticket.getState()));
	}

	/** Links of a ticket to tickets the user may see. */
	@Transactional(readOnly = true)
	public List<LinkView> links(long id, CurrentUser me) {
		Ticket ticket = visible(id, me);
		return linksOf(ticket, viewer(me));
	}

	/** An attachment of a ticket the user may see; not found otherwise. */
	@Transactional(readOnly = true)
	public AttachmentFile attachment(long ticketId, long attachmentId, CurrentUser me) {
		Ticket ticket = visible(ticketId, me);
		Attachment a = attachments.findInTicket(ticket.getId(), attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment " + attachmentId));
		return new AttachmentFile(a.getFilename(), a.getContentType(), a.getSize(), store.path(a.getSha256()));
	}

	// ---------------------------------------------------------------- changing

	/** Applies the changes (checked all together first) and audits each; refused as a conflict on a stale version. */
	public TicketView change(long id, TicketChanges requested, CurrentUser me) {
		Ticket ticket = visible(id, me);
		checkVersion(ticket, requested.expectedVersion());
		Long actor = me.id();
		TicketChanges changes = effective(ticket, requested);
		boolean onlyTags = changes.state() == null && changes.priority() == null && changes.type() == null
				&& !changes.changeOwner() && changes.groupId() == null && changes.subject() == null
				&& changes.customFields() == null;
		if (ticket.getState() == TicketState.CLOSED && !onlyTags) {
			throw new InvalidInputException("state", "a closed ticket cannot be changed; open a follow-up ticket instead");
		}
		// Check everything before changing anything, so that a refused change leaves no partial trace.
		if (changes.state() != null) {
			TicketStateMachine.check(ticket.getState(), changes.state());
		}
		String subject = null;
		if (changes.subject() != null) {
			subject = changes.subject().strip();
			if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
				throw new InvalidInputException("subject", "must be 1 to " + MAX_SUBJECT + " characters");
			}
		}
		GroupSummary newGroup = null;
		if (changes.groupId() != null && !changes.groupId().equals(ticket.getGroupId())) {
			newGroup = users.group(changes.groupId())
				.orElseThrow(() -> new InvalidInputException("groupId", "there is no group with id " + changes.groupId()));
		}
		long targetGroupId = newGroup == null ? ticket.getGroupId() : newGroup.id();
		if (changes.changeOwner() && changes.ownerId() != null) {
			checkOwner(changes.ownerId(), targetGroupId);
		}
		Set<String> tags = changes.tags() == null ? null : Tags.normalize(changes.tags());
		Map<String, String> custom = changes.customFields() == null ? null : fields.check(changes.customFields());

		Instant now = clock.instant();
		String before = snapshot(ticket);
		TicketAccess accessBefore = access(ticket);
		if (changes.state() != null && changes.state() != ticket.getState()) {
			TicketState old = ticket.getState();
			ticket.moveTo(changes.state(), now);
			audit.record(AuditTrail.TICKET, id, "state", old, ticket.getState(), actor);
		}
		if (changes.priority() != null) {
			audit.record(AuditTrail.TICKET, id, "priority", ticket.getPriority(), changes.priority(), actor);
			ticket.setPriority(changes.priority());
		}
		if (changes.type() != null) {
			audit.record(AuditTrail.TICKET, id, "type", ticket.getType(), changes.type(), actor);
			ticket.setType(changes.type());
		}
		if (subject != null) {
			audit.record(AuditTrail.TICKET, id, "subject", ticket.getSubject(), subject, actor);
			ticket.setSubject(subject);
		}
		if (newGroup != null) {
			audit.record(AuditTrail.TICKET, id, "group", ticket.getGroupId(), newGroup.id(), actor);
			ticket.setGroupId(newGroup.id());
			boolean ownerStaysMember = ticket.getOwnerId() != null
					&& users.groupIdsOf(ticket.getOwnerId()).contains(newGroup.id());
			if (!changes.changeOwner() && !ownerStaysMember) {
				// The old owner does not work in the new group: let the new group's rule pick someone.
				Long owner = chooseOwner(newGroup, requesterLanguage(ticket)).map(UserSummary::id).orElse(null);
				audit.record(AuditTrail.TICKET, id, "owner", ticket.getOwnerId(), owner, null);
				ticket.setOwnerId(owner);
			}
		}
		if (changes.changeOwner()) {
			audit.record(AuditTrail.TICKET, id, "owner", ticket.getOwnerId(), changes.ownerId(), actor);
			ticket.setOwnerId(changes.ownerId());
		}
		if (tags != null) {
			audit.record(AuditTrail.TICKET, id, "tags", sorted(ticket.getTags()), sorted(tags), actor);
			ticket.getTags().clear();
			ticket.getTags().addAll(tags);
		}
		if (custom != null) {
			custom.forEach((key, value) -> {
				audit.record(AuditTrail.TICKET, id, "field:" + key, ticket.getCustomFields().get(key), value, actor);
				if (value == null) {
					ticket.getCustomFields().remove(key);
				}
				else {
					ticket.getCustomFields().put(key, value);
				}
			});
		}
		if (!before.equals(snapshot(ticket))) {
			ticket.setUpdatedAt(now);
			events.publishEvent(TicketActivity.of(TicketActivity.Kind.CHANGED, ticket, now));
		}
		followAccess(accessBefore, ticket);
		tickets.flush();
		return view(ticket);
	}

	/**
	 * Adds a message by the signed-in agent: a public reply (a new ticket becomes open), an internal note,
	 * or a customer message taken down by the agent (a waiting or solved ticket opens again).
	 */
	public MessageView addMessage(long ticketId, NewMessage msg, CurrentUser me) {
		Ticket ticket = visible(ticketId, me);
		return addMessage(ticket, msg, me.id());
	}

	/**
	 * A message from the requester that arrived by a channel. On a closed ticket it opens a follow-up
	 * ticket linked to the closed one; returns the message with the ticket it landed on.
	 */
	public MessageView receiveCustomerMessage(long ticketId, String body, boolean html, List<Upload> uploads) {
		Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
		if (ticket.getState() == TicketState.CLOSED) {
			Ticket followUp = openFollowUp(ticket, ticket.getSubject(), body, html, null);
			return messageViews(List.of(followUp.getMessages().get(0))).get(0);
		}
		return addMessage(ticket, new NewMessage(MessageKind.CUSTOMER, body, html, uploads, null), null);
	}

	private MessageView addMessage(Ticket ticket, NewMessage msg, Long actor) {
		MessageKind kind = msg.kind() == null ? MessageKind.PUBLIC_REPLY : msg.kind();
		Body body = body(msg.body(), msg.html());
		TicketState next = switch (kind) {
			case CUSTOMER -> TicketStateMachine.afterCustomerMessage(ticket.getState());
			case PUBLIC_REPLY -> TicketStateMachine.afterPublicReply(ticket.getState());
			case INTERNAL_NOTE -> ticket.getState();
		};
		if (msg.stateAfter() != null) {
			if (ticket.getState() == TicketState.CLOSED) {
				TicketStateMachine.check(TicketState.CLOSED, msg.stateAfter());
			}
			TicketStateMachine.check(next, msg.stateAfter());
			next = msg.stateAfter();
		}
		Instant now = clock.instant();
		Message message = kind == MessageKind.CUSTOMER
				? new Message(ticket, null, ticket.getRequesterId(), true, body.text(), body.html(), now)
				: new Message(ticket, actor, null, kind == MessageKind.PUBLIC_REPLY, body.text(), body.html(), now);
		ticket.getMessages().add(message);
		messages.save(message);
		for (Upload upload : msg.uploads()) {
			attach(message, upload, now);
		}
		boolean stateChanged = next != ticket.getState();
		if (stateChanged) {
			TicketState old = ticket.getState();
			ticket.moveTo(next, now);
			audit.record(AuditTrail.TICKET, ticket.getId(), "state", old, next, actor);
		}
		ticket.setUpdatedAt(now);
		TicketActivity.Kind activity = switch (kind) {
			case CUSTOMER -> TicketActivity.Kind.CUSTOMER_MESSAGE;
			case PUBLIC_REPLY -> TicketActivity.Kind.PUBLIC_REPLY;
			case INTERNAL_NOTE -> TicketActivity.Kind.CHANGED;
		};
		if (kind != MessageKind.INTERNAL_NOTE || stateChanged) {
			events.publishEvent(TicketActivity.of(activity, ticket, now));
		}
		String summary = preview(body.text());
		if (kind == MessageKind.CUSTOMER) {
			timeline.record(ticket.getRequesterId(), TimelineKind.MESSAGE_RECEIVED, summary, access(ticket), actor, now);
		}
		else if (kind == MessageKind.PUBLIC_REPLY) {
			timeline.record(ticket.getRequesterId(), TimelineKind.REPLY_SENT, summary, access(ticket), actor, now);
		}
		tickets.flush();
		return messageViews(List.of(message)).get(0);
	}

	private void attach(Message message, Upload upload, Instant now) {
		if (upload.size() > store.maxBytes()) {
			throw new AttachmentTooLargeException(upload.filename(), store.maxBytes());
		}
		String filename = safeFilename(upload.filename());
		String contentType = upload.contentType() == null || upload.contentType().isBlank()
				|| upload.contentType().length() > 150 ? "application/octet-stream" : upload.contentType();
		AttachmentStore.Stored stored;
		try {
			stored = store.store(filename, upload.content().getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		attachments.save(new Attachment(message.getId(), filename, contentType, stored.size(), stored.sha256(), now));
	}

	/** Merges {@code sourceId} into {@code targetId}: messages and tags move; the source closes and points to the target. */
	public TicketView merge(long sourceId, long targetId, CurrentUser me) {
		Ticket source = visible(sourceId, me);
		if (sourceId == targetId) {
			throw new InvalidInputException("intoId", "a ticket cannot be merged into itself");
		}
		Ticket target = tickets.findById(targetId)
			.filter(viewer(me)::canSee)
			.orElseThrow(() -> new InvalidInputException("intoId", "there is no ticket #" + targetId + " you may see"));
		if (source.getState() == TicketState.CLOSED) {
			throw new InvalidInputException("state", "a closed ticket cannot be merged");
		}
		if (target.getState() == TicketState.CLOSED) {
			throw new InvalidInputException("intoId", "ticket #" + targetId + " is closed; merge into an open ticket");
		}
		Instant now = clock.instant();
		Long actor = me.id();
		for (Message m : new ArrayList<>(source.getMessages())) {
			m.setTicket(target);
			target.getMessages().add(m);
		}
		source.getMessages().clear();
		Set<String> tagsBefore = sorted(target.getTags());
		target.getTags().addAll(source.getTags());
		audit.record(AuditTrail.TICKET, targetId, "tags", tagsBefore, sorted(target.getTags()), actor);
		audit.record(AuditTrail.TICKET, targetId, "mergedFrom", null, "#" + sourceId, actor);
		audit.record(AuditTrail.TICKET, sourceId, "mergedInto", null, "#" + targetId, actor);
		audit.record(AuditTrail.TICKET, sourceId, "state", source.getState(), TicketState.CLOSED, actor);
		source.setMergedIntoId(targetId);
		// Merging closes the source whatever its state: it is the one deliberate exception to the state machine.
		source.setState(TicketState.CLOSED);
		source.setClosedAt(now);
		source.setUpdatedAt(now);
		target.setUpdatedAt(now);
		events.publishEvent(TicketActivity.of(TicketActivity.Kind.CHANGED, source, now));
		tickets.flush();
		return view(target);
	}

	/** Links two tickets the user may see; linking twice the same way is refused as a conflict. */
	public LinkView link(long ticketId, long otherTicketId, LinkKind kind, CurrentUser me) {
		Ticket ticket = visible(ticketId, me);
		if (kind == null) {
			throw new InvalidInputException("kind", "must be one of " + List.of(LinkKind.values()));
		}
		if (ticketId == otherTicketId) {
			throw new InvalidInputException("ticketId", "a ticket cannot be linked to itself");
		}
		Ticket other = tickets.findById(otherTicketId)
			.filter(viewer(me)::canSee)
			.orElseThrow(() -> new InvalidInputException("ticketId", "there is no ticket #" + otherTicketId + " you may see"));
		if (links.existsByTicketIdAndOtherTicketIdAndKind(ticketId, otherTicketId, kind)) {
			throw new ConflictException("Ticket #" + ticketId + " is already linked to #" + otherTicketId + " as " + kind + ".");
		}
		TicketLink link = createLink(ticket, other, kind, me.id());
		return new LinkView(link.getId(), kind, true, other.getId(), other.getSubject(), other.getState());
	}

	/** Opens a new ticket that follows up a closed one (same requester, group and type), linked to it. */
	public TicketView followUp(long closedTicketId, String subject, String body, boolean html, CurrentUser me) {
		Ticket closed = visible(closedTicketId, me);
		if (closed.getState() != TicketState.CLOSED) {
			throw new InvalidInputException("state", "only a closed ticket gets a follow-up; reopen it instead");
		}
		String s = subject == null || subject.isBlank() ? closed.getSubject() : subject;
		return view(openFollowUp(closed, s, body, html, me.id()));
	}

	private Ticket openFollowUp(Ticket closed, String subject, String body, boolean html, Long actor) {
		TicketView opened = open(new NewTicket(subject, body, html, closed.getType(), closed.getPriority(),
				closed.getRequesterId(), null, null, closed.getGroupId(), Channel.valueOf(closed.getChannel()),
				List.copyOf(closed.getTags()), Map.of()), actor);
		Ticket followUp = tickets.findById(opened.id()).orElseThrow();
		createLink(followUp, closed, LinkKind.FOLLOW_UP_OF, actor);
		return followUp;
	}

	private TicketLink createLink(Ticket ticket, Ticket other, LinkKind kind, Long actor) {
		TicketLink link = links.save(new TicketLink(ticket.getId(), other.getId(), kind, actor, clock.instant()));
		audit.record(AuditTrail.TICKET, ticket.getId(), "link", null, kind + " #" + other.getId(), actor);
		audit.record(AuditTrail.TICKET, other.getId(), "link", null, "#" + ticket.getId() + " " + kind, actor);
		return link;
	}

	/**
	 * A change made by Rapport itself, not by a person (an escalation rule): raises the priority if it is
	 * lower and moves the ticket to another group, whose assignment rule picks the owner. Audited without
	 * an actor; a closed or unknown ticket is left alone.
	 */
	public void escalate(long ticketId, Priority raiseTo, Long groupId) {
		Ticket ticket = tickets.findById(ticketId).orElse(null);
		if (ticket == null || !ticket.getState().isActive()) {
			return;
		}
		boolean changed = false;
		TicketAccess accessBefore = access(ticket);
		if (raiseTo != null && raiseTo.compareTo(ticket.getPriority()) > 0) {
			audit.record(AuditTrail.TICKET, ticketId, "priority", ticket.getPriority(), raiseTo, null);
			ticket.setPriority(raiseTo);
			changed = true;
		}
		if (groupId != null && !groupId.equals(ticket.getGroupId())) {
			GroupSummary group = users.group(groupId).orElse(null);
			if (group != null) {
				audit.record(AuditTrail.TICKET, ticketId, "group", ticket.getGroupId(), groupId, null);
				ticket.setGroupId(groupId);
				Long owner = chooseOwner(group, requesterLanguage(ticket)).map(UserSummary::id).orElse(null);
				audit.record(AuditTrail.TICKET, ticketId, "owner", ticket.getOwnerId(), owner, null);
				ticket.setOwnerId(owner);
				changed = true;
			}
		}
		if (changed) {
			Instant now = clock.instant();
			ticket.setUpdatedAt(now);
			events.publishEvent(TicketActivity.of(TicketActivity.Kind.CHANGED, ticket, now));
		}
		followAccess(accessBefore, ticket);
	}

	/** Moves the tickets of a merged-away contact to the surviving one; joins the merge's transaction. */
	public void moveRequester(long sourceContactId, long targetContactId, Long actor) {
		Long organizationId = customers.contact(targetContactId).map(ContactSummary::organizationId).orElse(null);
		for (Ticket ticket : tickets.findByRequesterId(sourceContactId)) {
			audit.record(AuditTrail.TICKET, ticket.getId(), "requester", sourceContactId, targetContactId, actor);
			ticket.setRequesterId(targetContactId);
			ticket.setOrganizationId(organizationId);
			events.publishEvent(TicketActivity.of(TicketActivity.Kind.CHANGED, ticket, clock.instant()));
		}
	}

	// ---------------------------------------------------------------- helpers

	private static TicketAccess access(Ticket t) {
		return new TicketAccess(t.getId(), t.getGroupId(), t.getOwnerId());
	}

	/** The customer timeline's entries about the ticket follow its group and owner, so they stay as visible as the ticket. */
	private void followAccess(TicketAccess before, Ticket ticket) {
		TicketAccess now = access(ticket);
		if (!now.equals(before)) {
			timeline.ticketAccessChanged(now);
		}
	}

	private Ticket visible(long id, CurrentUser me) {
		return tickets.findById(id).filter(viewer(me)::canSee).orElseThrow(() -> new NotFoundException("Ticket " + id));
	}

	private Viewer viewer(CurrentUser me) {
		return me.seesAllTickets() ? new Viewer(me.id(), true, Set.of())
				: new Viewer(me.id(), false, users.groupIdsOf(me.id()));
	}

	/** The changes without values equal to the current ones, so that a form sending every field changes only what differs. */
	private static TicketChanges effective(Ticket t, TicketChanges c) {
		Map<String, String> custom = null;
		if (c.customFields() != null) {
			custom = new LinkedHashMap<>();
			for (Map.Entry<String, String> e : c.customFields().entrySet()) {
				String current = t.getCustomFields().get(e.getKey());
				String wanted = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
				if (!Objects.equals(current, wanted)) {
					custom.put(e.getKey(), e.getValue());
				}
			}
			custom = custom.isEmpty() ? null : custom;
		}
		List<String> tags = c.tags();
		if (tags != null && sorted(Tags.normalize(tags)).equals(sorted(t.getTags()))) {
			tags = null;
		}
		return new TicketChanges(c.expectedVersion(), c.state() == t.getState() ? null : c.state(),
				c.priority() == t.getPriority() ? null : c.priority(), c.type() == t.getType() ? null : c.type(),
				c.changeOwner() && !Objects.equals(c.ownerId(), t.getOwnerId()), c.ownerId(),
				Objects.equals(c.groupId(), t.getGroupId()) ? null : c.groupId(), tags,
				c.subject() != null && c.subject().strip().equals(t.getSubject()) ? null : c.subject(), custom);
	}

	private static void checkVersion(Ticket ticket, Long expected) {
		if (expected != null && expected != ticket.getVersion()) {
			throw new ConflictException("Ticket #" + ticket.getId() + " was changed by someone else (version "
					+ ticket.getVersion() + ", yours " + expected + "); reload it and apply your change again.");
		}
	}

	private void checkOwner(long ownerId, long groupId) {
		UserSummary owner = users.user(ownerId)
			.orElseThrow(() -> new InvalidInputException("ownerId", "there is no user with id " + ownerId));
		if (!owner.active() || owner.role() == Role.ANALYST) {
			throw new InvalidInputException("ownerId", "must be an active agent, supervisor or admin");
		}
		if (owner.role() == Role.AGENT && !owner.groupIds().contains(groupId)) {
			throw new InvalidInputException("ownerId", "is not a member of the ticket's group");
		}
	}

	private String requesterLanguage(Ticket ticket) {
		return customers.contact(ticket.getRequesterId()).map(ContactSummary::language).orElse(null);
	}

	private static String snapshot(Ticket t) {
		return t.getState() + "|" + t.getPriority() + "|" + t.getType() + "|" + t.getSubject() + "|" + t.getGroupId()
				+ "|" + t.getOwnerId() + "|" + sorted(t.getTags()) + "|" + new java.util.TreeMap<>(t.getCustomFields());
	}

	private static Set<String> sorted(Collection<String> values) {
		return new TreeSet<>(values);
	}

	private static String preview(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 200 ? oneLine.substring(0, 199) + "…" : oneLine;
	}

	private static String safeFilename(String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			base = "attachment";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	/** A message body: plain text always; sanitized HTML when the input was HTML. */
	private record Body(String text, String html) {
	}

	private static Body body(String input, boolean html) {
		if (input == null || input.isBlank()) {
			throw new InvalidInputException("body", "must not be blank");
		}
		if (input.length() > MAX_BODY) {
			throw new InvalidInputException("body", "must be at most " + MAX_BODY + " characters");
		}
		if (!html) {
			return new Body(input.strip(), null);
		}
		String safe = HtmlSanitizer.sanitize(input);
		String text = HtmlSanitizer.toPlainText(safe).strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("body", "has no text once unsafe HTML is removed");
		}
		return new Body(text, safe);
	}

	private List<LinkView> linksOf(Ticket ticket, Viewer viewer) {
		List<TicketLink> found = links.findInvolving(ticket.getId());
		Set<Long> otherIds = new HashSet<>();
		found.forEach(l -> otherIds.add(l.getTicketId().equals(ticket.getId()) ? l.getOtherTicketId() : l.getTicketId()));
		Map<Long, Ticket> others = tickets.findAllById(otherIds)
			.stream()
			.filter(viewer::canSee)
			.collect(Collectors.toMap(Ticket::getId, t -> t));
		List<LinkView> result = new ArrayList<>();
		for (TicketLink l : found) {
			boolean outgoing = l.getTicketId().equals(ticket.getId());
			Ticket other = others.get(outgoing ? l.getOtherTicketId() : l.getTicketId());
			if (other != null) {
				result.add(new LinkView(l.getId(), l.getKind(), outgoing, other.getId(), other.getSubject(), other.getState()));
			}
		}
		return result;
	}

	private TicketView view(Ticket t) {
		return views(List.of(t)).get(0);
	}

	/** Views for a page of tickets: owners, groups and requesters are each loaded in one query. */
	private List<TicketView> views(List<Ticket> page) {
		Set<Long> ownerIds = page.stream().map(Ticket::getOwnerId).filter(Objects::nonNull).collect(Collectors.toSet());
		Set<Long> groupIds = page.stream().map(Ticket::getGroupId).collect(Collectors.toSet());
		Set<Long> contactIds = page.stream().map(Ticket::getRequesterId).collect(Collectors.toSet());
		Map<Long, UserSummary> owners = users.users(ownerIds);
		Map<Long, GroupSummary> groups = groupIds.isEmpty() ? Map.of() : users.groups(groupIds);
		Map<Long, ContactSummary> contacts = customers.contacts(contactIds);
		return page.stream().map(t -> view(t, owners, groups, contacts)).toList();
	}

	private static TicketView view(Ticket t, Map<Long, UserSummary> owners, Map<Long, GroupSummary> groups,
			Map<Long, ContactSummary> contacts) {
		UserSummary owner = t.getOwnerId() == null ? null : owners.get(t.getOwnerId());
		GroupSummary group = groups.get(t.getGroupId());
		ContactSummary requester = contacts.get(t.getRequesterId());
		return new TicketView(t.getId(), t.getNumber(), t.getSubject(), t.getType(), t.getPriority(), t.getState(),
				new Ref(t.getRequesterId(), requester == null ? "#" + t.getRequesterId() : requester.name()),
				requester == null ? null : requester.email(), t.getOrganizationId(),
				requester == null ? null : requester.organizationName(),
				new Ref(t.getGroupId(), group == null ? "#" + t.getGroupId() : group.name()),
				t.getOwnerId() == null ? null
						: new Ref(t.getOwnerId(), owner == null ? "#" + t.getOwnerId() : owner.displayName()),
				t.getChannel(), List.copyOf(new TreeSet<>(t.getTags())), Map.copyOf(t.getCustomFields()),
				t.getMergedIntoId(), t.getCreatedAt(), t.getUpdatedAt(), t.getSolvedAt(), t.getClosedAt(),
				t.getVersion());
	}

	private List<MessageView> messageViews(List<Message> list) {
		Set<Long> ids = list.stream().map(Message::getId).collect(Collectors.toSet());
		Map<Long, List<AttachmentView>> files = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Attachment a : attachments.findByMessageIdInOrderById(ids)) {
				files.computeIfAbsent(a.getMessageId(), k -> new ArrayList<>())
					.add(new AttachmentView(a.getId(), a.getFilename(), a.getContentType(), a.getSize()));
			}
		}
		Map<Long, UserSummary> authors = users
			.users(list.stream().map(Message::getAuthorUserId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<Long, ContactSummary> contacts = customers
			.contacts(list.stream().map(Message::getAuthorContactId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return list.stream().map(m -> {
			Ref author = null;
			if (m.getAuthorUserId() != null) {
				UserSummary u = authors.get(m.getAuthorUserId());
				author = new Ref(m.getAuthorUserId(), u == null ? "#" + m.getAuthorUserId() : u.displayName());
			}
			else if (m.getAuthorContactId() != null) {
				ContactSummary c = contacts.get(m.getAuthorContactId());
				author = new Ref(m.getAuthorContactId(), c == null ? "#" + m.getAuthorContactId() : c.name());
			}
			return new MessageView(m.getId(), m.getTicket().getId(), m.getKind(), author, m.getBodyText(), m.getBodyHtml(),
					m.getCreatedAt(), files.getOrDefault(m.getId(), List.of()));
		}).toList();
	}

}
