package app.rapport.ticket.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.audit.AuditRecord;
import app.rapport.customer.Channel;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.Role;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.Paging;
import app.rapport.shared.TabularExport;
import app.rapport.ticket.LinkKind;
import app.rapport.ticket.MessageKind;
import app.rapport.ticket.NewMessage;
import app.rapport.ticket.NewTicket;
import app.rapport.ticket.Priority;
import app.rapport.ticket.Queue;
import app.rapport.ticket.TicketChanges;
import app.rapport.ticket.TicketDetails;
import app.rapport.ticket.TicketFields;
import app.rapport.ticket.TicketQuery;
import app.rapport.ticket.TicketService;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import app.rapport.ticket.TicketView;
import app.rapport.ticket.Tags;
import app.rapport.ticket.Upload;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The agent's ticket pages: queues, the new-ticket form and the ticket page with its forms. */
@Controller
@PreAuthorize("hasAuthority('SCOPE_read')")
class TicketController {

	private final TicketService tickets;

	private final TicketFields fields;

	private final UserDirectory users;

	private final MessageSource messages;

	TicketController(TicketService tickets, TicketFields fields, UserDirectory users, MessageSource messages) {
		this.tickets = tickets;
		this.fields = fields;
		this.users = users;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- queues

	/** Filter values as typed in the query string; unknown values are ignored rather than failing the page. */
	record Filters(Queue queue, TicketState state, TicketType type, Priority priority, Long groupId, Long ownerId,
			String tag, TicketQuery.Sort sort) {

		String query(int page) {
			UriComponentsBuilder b = UriComponentsBuilder.fromPath("/tickets").queryParam("queue", queue.name().toLowerCase(Locale.ROOT));
			if (state != null) {
				b.queryParam("state", state.name());
			}
			if (type != null) {
				b.queryParam("type", type.name());
			}
			if (priority != null) {
				b.queryParam("priority", priority.name());
			}
			if (groupId != null) {
				b.queryParam("groupId", groupId);
			}
			if (ownerId != null) {
				b.queryParam("ownerId", ownerId);
			}
			if (tag != null && !tag.isBlank()) {
				b.queryParam("tag", tag);
			}
			if (sort != TicketQuery.Sort.UPDATED) {
				b.queryParam("sort", sort.name());
			}
			if (page > 0) {
				b.queryParam("page", page);
			}
			return b.encode().build().toUriString();
		}

		/** The export of this very list, in "csv" or "xlsx". */
		String export(String format) {
			return query(0).replaceFirst("^/tickets", "/tickets/export") + "&format=" + format;
		}

	}

	private Filters filters(CurrentUser me, String queue, String state, String type, String priority, String groupId,
			String ownerId, String tag, String sort) {
		Queue q = parse(Queue.class, queue, Queue.MINE);
		if (q == Queue.ALL && !me.seesAllTickets()) {
			q = Queue.MINE;
		}
		return new Filters(q, parse(TicketState.class, state, null), parse(TicketType.class, type, null),
				parse(Priority.class, priority, null), parseLong(groupId), parseLong(ownerId),
				tag == null || tag.isBlank() ? null : tag.strip(), parse(TicketQuery.Sort.class, sort, TicketQuery.Sort.UPDATED));
	}

	private static TicketQuery query(Filters filters) {
		return new TicketQuery(filters.queue(), filters.state() == null ? null : EnumSet.of(filters.state()),
				filters.type(), filters.priority(), filters.groupId(), filters.ownerId(), filters.tag(), null,
				filters.sort(), false);
	}

	@GetMapping("/tickets")
	String queues(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String state, @RequestParam(required = false) String type,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String groupId,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Filters filters = filters(me, queue, state, type, priority, groupId, ownerId, tag, sort);
		// Clamped, not wrapped: a page beyond int stays beyond the limit, which Paging refuses.
		int pageNumber = parseLong(page) == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, parseLong(page)));
		TicketQuery query = query(filters);
		Page<TicketView> result = tickets.find(query, Paging.of(pageNumber, Paging.DEFAULT_SIZE, Sort.unsorted()), me);
		Map<Queue, Long> counts = tickets.queueCounts(me);
		Map<Queue, String> queueUrls = new LinkedHashMap<>();
		counts.keySet().forEach(k -> queueUrls.put(k, "/tickets?queue=" + k.name().toLowerCase(Locale.ROOT)));
		model.addAttribute("filters", filters);
		model.addAttribute("page", result);
		model.addAttribute("totalIsEstimate",
				result instanceof app.rapport.shared.CappedPage<?> capped && capped.isTotalEstimate());
		model.addAttribute("countCap", app.rapport.shared.CappedPage.CAP);
		model.addAttribute("counts", counts);
		model.addAttribute("queueUrls", queueUrls);
		model.addAttribute("prevUrl", result.hasPrevious() ? filters.query(pageNumber - 1) : null);
		model.addAttribute("nextUrl", result.hasNext() ? filters.query(pageNumber + 1) : null);
		model.addAttribute("exportCsvUrl", filters.export("csv"));
		model.addAttribute("exportXlsxUrl", filters.export("xlsx"));
		addChoices(model);
		return htmx != null ? "ticket/_list :: list" : "ticket/list";
	}

	/** The queue as CSV or XLSX, with the same filters as the page; at most {@link #EXPORT_LIMIT} rows. */
	@GetMapping("/tickets/export")
	void export(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String state,
			@RequestParam(required = false) String type, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String groupId, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
			HttpServletResponse response) throws java.io.IOException {
		TabularExport.Format exportFormat = TabularExport.Format.parse(format);
		Filters filters = filters(me, queue, state, type, priority, groupId, ownerId, tag, sort);
		TicketQuery query = query(filters);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = java.util.stream.Stream
			.of("number", "subject", "type", "priority", "state", "requester", "organization", "group", "owner", "tags",
					"created", "updated")
			.map(k -> messages.getMessage("ticket.export." + k, null, locale))
			.toList();
		// Walk the query by keyset, a page at a time: big queues stay out of memory and no page costs an OFFSET.
		java.util.stream.Stream<List<?>> rows = tickets.walk(query, EXPORT_PAGE, EXPORT_LIMIT, me)
			.map(t -> List.of(t.number(), t.subject(), label("ticket.type." + t.type(), locale),
					label("ticket.priority." + t.priority(), locale), label("ticket.state." + t.state(), locale),
					t.requester() == null ? "" : t.requester().name(),
					t.organizationName() == null ? "" : t.organizationName(), t.group() == null ? "" : t.group().name(),
					t.owner() == null ? "" : t.owner().name(), String.join(", ", t.tags()), t.createdAt().toString(),
					t.updatedAt().toString()));
		response.setContentType(exportFormat.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"tickets." + exportFormat.extension() + "\"");
		TabularExport.write(exportFormat, "Tickets", header, rows, response.getOutputStream());
	}

	static final int EXPORT_PAGE = 200;

	static final int EXPORT_LIMIT = 100_000;

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	// ---------------------------------------------------------------- new ticket

	/** The new-ticket form as typed; kept as text so that a bad value can be shown back. */
	static class TicketForm {

		private String requesterEmail = "";

		private String requesterName = "";

		private Long requesterId;

		private String subject = "";

		private String body = "";

		private TicketType type = TicketType.QUESTION;

		private Priority priority = Priority.NORMAL;

		private Long groupId;

		private Channel channel = Channel.EMAIL;

		private String tags = "";

		public String getRequesterEmail() {
			return requesterEmail;
		}

		public void setRequesterEmail(String requesterEmail) {
			this.requesterEmail = requesterEmail;
		}

		public String getRequesterName() {
			return requesterName;
		}

		public void setRequesterName(String requesterName) {
			this.requesterName = requesterName;
		}

		public Long getRequesterId() {
			return requesterId;
		}

		public void setRequesterId(Long requesterId) {
			this.requesterId = requesterId;
		}

		public String getSubject() {
			return subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public String getBody() {
			return body;
		}

		public void setBody(String body) {
			this.body = body;
		}

		public TicketType getType() {
			return type;
		}

		public void setType(TicketType type) {
			this.type = type;
		}

		public Priority getPriority() {
			return priority;
		}

		public void setPriority(Priority priority) {
			this.priority = priority;
		}

		public Long getGroupId() {
			return groupId;
		}

		public void setGroupId(Long groupId) {
			this.groupId = groupId;
		}

		public Channel getChannel() {
			return channel;
		}

		public void setChannel(Channel channel) {
			this.channel = channel;
		}

		public String getTags() {
			return tags;
		}

		public void setTags(String tags) {
			this.tags = tags;
		}

	}

	@GetMapping("/tickets/new")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String newTicket(@RequestParam(required = false) Long contactId, @RequestParam(required = false) String uploadTooLarge,
			Model model) {
		TicketForm form = new TicketForm();
		form.setRequesterId(contactId);
		return newTicketPage(form, Map.of(), model);
	}

	@PostMapping("/tickets")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String create(@AuthenticationPrincipal CurrentUser me, TicketForm form, Model model, HttpServletResponse response) {
		try {
			boolean byId = form.getRequesterId() != null
					&& (form.getRequesterEmail() == null || form.getRequesterEmail().isBlank());
			TicketView created = tickets.open(new NewTicket(form.getSubject(), form.getBody(), false, form.getType(),
					form.getPriority(), byId ? form.getRequesterId() : null, byId ? null : form.getRequesterEmail(),
					form.getRequesterName(), form.getGroupId(), form.getChannel(), List.copyOf(Tags.parse(form.getTags())),
					Map.of()), me.id());
			return "redirect:/tickets/" + created.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newTicketPage(form, errorKeys(ex), model);
		}
	}

	private String newTicketPage(TicketForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", Channel.values());
		addChoices(model);
		return "ticket/new";
	}

	// ---------------------------------------------------------------- ticket page

	@GetMapping("/tickets/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String uploadTooLarge, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (uploadTooLarge != null) {
			errors.put("files", "ticket.error.uploadTooLarge");
		}
		return showPage(me, id, errors, model);
	}

	private String showPage(CurrentUser me, long id, Map<String, String> errors, Model model) {
		TicketDetails details = tickets.details(id, me);
		model.addAttribute("d", details);
		model.addAttribute("t", details.ticket());
		model.addAttribute("errors", errors);
		model.addAttribute("history", history(details));
		model.addAttribute("customFields", fields.active());
		model.addAttribute("linkKinds", LinkKind.values());
		if (!model.containsAttribute("replyBody")) {
			model.addAttribute("replyBody", "");
		}
		if (!model.containsAttribute("replyKind")) {
			model.addAttribute("replyKind", MessageKind.PUBLIC_REPLY.name());
		}
		addChoices(model);
		return "ticket/show";
	}

	@PostMapping("/tickets/{id}/messages")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "PUBLIC_REPLY") String kind,
			@RequestParam(required = false) String stateAfter,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MessageKind messageKind = parse(MessageKind.class, kind, MessageKind.PUBLIC_REPLY);
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (!f.isEmpty()) {
					uploads.add(new Upload(f.getOriginalFilename(), f.getContentType(), f.getSize(), f));
				}
			}
		}
		try {
			var message = tickets.addMessage(id, new NewMessage(messageKind, body, false, uploads,
					parse(TicketState.class, stateAfter, null)), me);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/tickets/" + id + "#message-" + message.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("replyBody", body);
			model.addAttribute("replyKind", messageKind.name());
			return showPage(me, id, errorKeys(ex), model);
		}
	}

	@PostMapping("/tickets/{id}/changes")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String change(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String state, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String type, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String tags,
			@RequestParam Map<String, String> all, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> custom = new LinkedHashMap<>();
		all.forEach((k, v) -> {
			if (k.startsWith("cf.")) {
				custom.put(k.substring(3), v);
			}
		});
		try {
			Long owner = ownerId == null || ownerId.isBlank() ? null : parseLong(ownerId);
			if (owner == null && ownerId != null && !ownerId.isBlank()) {
				throw new InvalidInputException("ownerId", "must be the id of a user");
			}
			tickets.change(id, new TicketChanges(version, parse(TicketState.class, state, null),
					parse(Priority.class, priority, null), parse(TicketType.class, type, null), ownerId != null, owner,
					groupId, tags == null ? null : List.copyOf(Tags.parse(tags)), null, custom.isEmpty() ? null : custom), me);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showPage(me, id, errorKeys(ex), model);
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return showPage(me, id, Map.of("version", "ticket.error.stale"), model);
		}
	}

	@PostMapping("/tickets/{id}/merge")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String merge(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String intoId,
			Model model, HttpServletResponse response) {
		try {
			Long target = parseLong(intoId);
			if (target == null) {
				throw new InvalidInputException("intoId", "is required");
			}
			return "redirect:/tickets/" + tickets.merge(id, target, me).id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showPage(me, id, errorKeys(ex), model);
		}
	}

	@PostMapping("/tickets/{id}/links")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String link(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String otherId,
			@RequestParam(required = false) String kind, Model model, HttpServletResponse response) {
		try {
			Long other = parseLong(otherId);
			LinkKind linkKind = parse(LinkKind.class, kind, null);
			if (other == null || linkKind == null) {
				throw new InvalidInputException("ticketId", "is required");
			}
			tickets.link(id, other, linkKind, me);
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showPage(me, id, errorKeys(ex), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return showPage(me, id, Map.of("ticketId", "ticket.error.linkExists"), model);
		}
	}

	@PostMapping("/tickets/{id}/follow-up")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String followUp(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response) {
		try {
			return "redirect:/tickets/" + tickets.followUp(id, null, body, false, me).id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			errorKeys(ex).forEach((k, v) -> errors.put(k.equals("body") ? "followUpBody" : k, v));
			return showPage(me, id, errors, model);
		}
	}

	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@PathVariable long attachmentId) {
		return AttachmentResponses.serve(tickets.attachment(id, attachmentId, me));
	}

	// ---------------------------------------------------------------- helpers

	/** One line of the audit history, with the field named in the user's language. */
	record HistoryRow(java.time.Instant at, String actor, String field, String oldValue, String newValue) {
	}

	private List<HistoryRow> history(TicketDetails details) {
		Locale locale = LocaleContextHolder.getLocale();
		String system = messages.getMessage("ticket.show.system", null, "System", locale);
		List<HistoryRow> rows = new ArrayList<>();
		for (AuditRecord e : details.history()) {
			String field = e.field();
			String label = field.startsWith("field:") ? field.substring(6)
					: messages.getMessage("ticket.history." + field, null, field, locale);
			String actor = e.actorUserId() == null ? system
					: details.actorNames().getOrDefault(e.actorUserId(), "#" + e.actorUserId());
			rows.add(new HistoryRow(e.occurredAt(), actor, label, e.oldValue(), e.newValue()));
		}
		return rows;
	}

	private void addChoices(Model model) {
		model.addAttribute("states", TicketState.values());
		model.addAttribute("types", TicketType.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("sorts", TicketQuery.Sort.values());
		model.addAttribute("groups", users.allGroups());
		List<UserSummary> owners = users.allUsers()
			.stream()
			.filter(u -> u.active() && u.role() != Role.ANALYST)
			.toList();
		model.addAttribute("owners", owners);
	}

	/** Field errors as message keys, so that the form speaks the user's language. */
	private static Map<String, String> errorKeys(InvalidInputException ex) {
		Map<String, String> keys = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, reason) -> {
			String key = switch (field) {
				case "subject" -> "ticket.error.subject";
				case "body" -> "ticket.error.body";
				case "requester", "requester.id" -> "ticket.error.requester";
				case "requester.email" -> "ticket.error.email";
				case "groupId" -> "ticket.error.group";
				case "ownerId" -> "ticket.error.owner";
				case "state" -> "ticket.error.state";
				case "tags" -> "ticket.error.tags";
				case "intoId" -> "ticket.error.mergeTarget";
				case "ticketId", "kind" -> "ticket.error.link";
				default -> field.startsWith("customFields.") ? "ticket.error.customField" : "ticket.error.generic";
			};
			keys.put(field.startsWith("requester") ? "requester" : field, key);
		});
		return keys;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	private static Long parseLong(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip().replace("#", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}


}
