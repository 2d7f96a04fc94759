package app.rapport.ticket.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.customer.Channel;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import app.rapport.ticket.LinkKind;
import app.rapport.ticket.LinkView;
import app.rapport.ticket.MessageKind;
import app.rapport.ticket.NewMessage;
import app.rapport.ticket.NewTicket;
import app.rapport.ticket.Priority;
import app.rapport.ticket.Queue;
import app.rapport.ticket.TicketChanges;
import app.rapport.ticket.TicketFieldView;
import app.rapport.ticket.TicketFields;
import app.rapport.ticket.TicketQuery;
import app.rapport.ticket.TicketService;
import app.rapport.ticket.TicketState;
import app.rapport.ticket.TicketType;
import app.rapport.ticket.TicketView;
import app.rapport.ticket.Upload;
import app.rapport.ticket.web.AttachmentResponses;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tickets over REST: open, read, list, change, converse, merge and link. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('SCOPE_read')")
class TicketApiController {

	private static final Set<String> CHANGEABLE = Set.of("state", "priority", "type", "ownerId", "groupId", "tags",
			"subject", "customFields", "version");

	static final String SORT_REASON = "must be updated, created or priority, optionally followed by ,asc or ,desc";

	private final TicketService tickets;

	private final TicketFields fields;

	TicketApiController(TicketService tickets, TicketFields fields) {
		this.tickets = tickets;
		this.fields = fields;
	}

	record RequesterInput(Long id, String email, String name) {
	}

	record CreateTicket(String subject, String body, Boolean html, String type, String priority,
			RequesterInput requester, Long groupId, List<String> tags, String channel, Map<String, String> customFields) {
	}

	record CreateMessage(String body, @JsonProperty("public") Boolean publicMessage, Boolean html,
			Boolean fromCustomer, String state) {
	}

	record MergeRequest(Long intoId) {
	}

	record LinkRequest(Long ticketId, String kind) {
	}

	record FollowUpRequest(String subject, String body, Boolean html) {
	}

	@PostMapping("/tickets")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<TicketJson> create(@AuthenticationPrincipal CurrentUser me, @RequestBody CreateTicket in) {
		RequesterInput requester = in.requester();
		TicketView created = tickets.open(new NewTicket(in.subject(), in.body(), Boolean.TRUE.equals(in.html()),
				ApiValues.parse(TicketType.class, "type", in.type()),
				ApiValues.parse(Priority.class, "priority", in.priority()), requester == null ? null : requester.id(),
				requester == null ? null : requester.email(), requester == null ? null : requester.name(), in.groupId(),
				in.channel() == null ? Channel.API : ApiValues.parse(Channel.class, "channel", in.channel()), in.tags(),
				in.customFields()), me.id());
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.id()))
			.eTag(String.valueOf(created.version()))
			.body(TicketJson.of(created));
	}

	@GetMapping("/tickets/{id}")
	ResponseEntity<TicketJson> get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		TicketView ticket = tickets.get(id, me);
		return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(TicketJson.of(ticket));
	}

	@GetMapping("/tickets")
	PageResponse<TicketJson> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String queue,
			@RequestParam(required = false) List<String> state, @RequestParam(required = false) String type,
			@RequestParam(required = false) String priority, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Long requesterId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		Set<TicketState> states = EnumSet.noneOf(TicketState.class);
		if (state != null) {
			for (String s : state) {
				for (String part : s.split(",")) {
					if (!part.isBlank()) {
						states.add(ApiValues.parse(TicketState.class, "state", part));
					}
				}
			}
		}
		TicketQuery.Sort sortBy = TicketQuery.Sort.UPDATED;
		boolean ascending = false;
		if (sort != null && !sort.isBlank()) {
			// Exactly "key" or "key,direction": a missing key or direction (",", "updated,") is refused, not guessed.
			String[] sortParts = sort.split(",", -1);
			if (sortParts.length > 2 || sortParts[0].isBlank()) {
				throw new InvalidInputException("sort", SORT_REASON);
			}
			sortBy = ApiValues.parse(TicketQuery.Sort.class, "sort", sortParts[0]);
			if (sortParts.length == 2) {
				String dir = sortParts[1].strip().toLowerCase(java.util.Locale.ROOT);
				if (!dir.equals("asc") && !dir.equals("desc")) {
					throw new InvalidInputException("sort", SORT_REASON);
				}
				ascending = dir.equals("asc");
			}
		}
		Queue q = queue == null ? Queue.ALL : ApiValues.parse(Queue.class, "queue", queue);
		TicketQuery query = new TicketQuery(q, states, ApiValues.parse(TicketType.class, "type", type),
				ApiValues.parse(Priority.class, "priority", priority), groupId, ownerId, tag, requesterId, sortBy,
				ascending);
		return PageResponse.of(tickets.find(query, Paging.of(page, size, Sort.unsorted()), me), TicketJson::of);
	}

	@PatchMapping("/tickets/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<TicketJson> change(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody Map<String, Object> body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		TicketChanges changes = changes(body, ifMatch);
		TicketView changed = tickets.change(id, changes, me);
		return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(TicketJson.of(changed));
	}

	@GetMapping("/tickets/{id}/messages")
	PageResponse<MessageJson> messages(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResponse.of(tickets.messages(id, Paging.of(page, size, Sort.unsorted()), me), MessageJson::of);
	}

	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<MessageJson> addMessage(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody CreateMessage in) {
		return created(id, tickets.addMessage(id, new NewMessage(kind(in.publicMessage(), in.fromCustomer()), in.body(),
				Boolean.TRUE.equals(in.html()), List.of(), ApiValues.parse(TicketState.class, "state", in.state())), me));
	}

	@PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<MessageJson> addMessageWithFiles(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String body, @RequestParam(name = "public", required = false) Boolean publicMessage,
			@RequestParam(required = false) Boolean html, @RequestParam(required = false) Boolean fromCustomer,
			@RequestParam(required = false) String state,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (!f.isEmpty()) {
					uploads.add(new Upload(f.getOriginalFilename(), f.getContentType(), f.getSize(), f));
				}
			}
		}
		return created(id, tickets.addMessage(id, new NewMessage(kind(publicMessage, fromCustomer), body,
				Boolean.TRUE.equals(html), uploads, ApiValues.parse(TicketState.class, "state", state)), me));
	}

	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@PathVariable long attachmentId) {
		return AttachmentResponses.serve(tickets.attachment(id, attachmentId, me));
	}

	@PostMapping("/tickets/{id}/merge")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	TicketJson merge(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody MergeRequest in) {
		if (in.intoId() == null) {
			throw new InvalidInputException("intoId", "is required");
		}
		return TicketJson.of(tickets.merge(id, in.intoId(), me));
	}

	@GetMapping("/tickets/{id}/links")
	List<LinkView> links(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return tickets.links(id, me);
	}

	@PostMapping("/tickets/{id}/links")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<LinkView> link(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody LinkRequest in) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (in.ticketId() == null) {
			errors.put("ticketId", "is required");
		}
		if (in.kind() == null || in.kind().isBlank()) {
			errors.put("kind", "is required: one of " + ApiValues.allowed(LinkKind.class));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The link has invalid fields.", errors);
		}
		LinkView link = tickets.link(id, in.ticketId(), ApiValues.parse(LinkKind.class, "kind", in.kind()), me);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/links")).body(link);
	}

	@PostMapping("/tickets/{id}/follow-ups")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<TicketJson> followUp(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody FollowUpRequest in) {
		TicketView created = tickets.followUp(id, in.subject(), in.body(), Boolean.TRUE.equals(in.html()), me);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.id())).body(TicketJson.of(created));
	}

	@GetMapping("/ticket-fields")
	List<TicketFieldView> ticketFields() {
		return fields.active();
	}

	private ResponseEntity<MessageJson> created(long ticketId, app.rapport.ticket.MessageView message) {
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId + "/messages/" + message.id()))
			.body(MessageJson.of(message));
	}

	private static MessageKind kind(Boolean publicMessage, Boolean fromCustomer) {
		if (Boolean.TRUE.equals(fromCustomer)) {
			return MessageKind.CUSTOMER;
		}
		return Boolean.FALSE.equals(publicMessage) ? MessageKind.INTERNAL_NOTE : MessageKind.PUBLIC_REPLY;
	}

	/** Reads a PATCH body: only known fields; {@code "ownerId": null} removes the owner. */
	private static TicketChanges changes(Map<String, Object> body, String ifMatch) {
		if (body == null) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (String name : body.keySet()) {
			if (!CHANGEABLE.contains(name)) {
				errors.put(name, "cannot be changed here (changeable: state, priority, type, ownerId, groupId, tags, subject, customFields)");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The request has fields that cannot be changed.", errors);
		}
		Long version = null;
		if (ifMatch != null && !ifMatch.isBlank()) {
			String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
			try {
				version = Long.parseLong(v);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("If-Match", "must be the ETag of the ticket, e.g. \"3\"");
			}
		}
		else if (body.get("version") != null) {
			version = wholeNumber(body, "version");
		}
		if (version == null) {
			throw new InvalidInputException("version",
					"is required: send the version you last read (or its ETag in If-Match) so that no change is lost");
		}
		boolean changeOwner = body.containsKey("ownerId");
		Long ownerId = body.get("ownerId") == null ? null : wholeNumber(body, "ownerId");
		Long groupId = null;
		if (body.containsKey("groupId")) {
			if (body.get("groupId") == null) {
				throw new InvalidInputException("groupId", "must be a whole number");
			}
			groupId = wholeNumber(body, "groupId");
		}
		List<String> tags = null;
		if (body.containsKey("tags")) {
			if (!(body.get("tags") instanceof List<?> list) || list.stream().anyMatch(t -> !(t instanceof String))) {
				throw new InvalidInputException("tags", "must be a list of strings");
			}
			tags = list.stream().map(String.class::cast).toList();
		}
		Map<String, String> custom = null;
		if (body.containsKey("customFields")) {
			if (!(body.get("customFields") instanceof Map<?, ?> map)) {
				throw new InvalidInputException("customFields", "must be an object of field key to value");
			}
			custom = new LinkedHashMap<>();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				Object value = e.getValue();
				if (value instanceof Map || value instanceof List) {
					throw new InvalidInputException("customFields." + e.getKey(), "must be a single value");
				}
				custom.put(String.valueOf(e.getKey()), value == null ? null : String.valueOf(value));
			}
		}
		String subject = null;
		if (body.containsKey("subject")) {
			subject = text(body, "subject");
			subject = subject == null ? "" : subject;
		}
		return new TicketChanges(version, ApiValues.parse(TicketState.class, "state", text(body, "state")),
				ApiValues.parse(Priority.class, "priority", text(body, "priority")),
				ApiValues.parse(TicketType.class, "type", text(body, "type")), changeOwner, ownerId, groupId, tags,
				subject, custom);
	}

	private static String text(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v == null) {
			return null;
		}
		if (!(v instanceof String s)) {
			throw new InvalidInputException(field, "must be a string");
		}
		return s;
	}

	private static Long wholeNumber(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
			try {
				return ((Number) v) instanceof java.math.BigInteger big ? big.longValueExact() : ((Number) v).longValue();
			}
			catch (ArithmeticException ex) {
				throw new InvalidInputException(field, "must be a whole number");
			}
		}
		throw new InvalidInputException(field, "must be a whole number");
	}

}
