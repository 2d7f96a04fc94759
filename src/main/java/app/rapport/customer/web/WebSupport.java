package app.rapport.customer.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import app.rapport.audit.AuditRecord;
import app.rapport.audit.AuditTrail;
import app.rapport.customer.FieldProblem;
import app.rapport.customer.ImportProblem;
import app.rapport.customer.TimelineEntry;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Turns rule problems, audit entries and timeline entries into what the customer pages show. */
@Component
class WebSupport {

	private final MessageSource messages;

	private final UserDirectory users;

	private final AuditTrail audit;

	WebSupport(MessageSource messages, UserDirectory users, AuditTrail audit) {
		this.messages = messages;
		this.users = users;
		this.audit = audit;
	}

	/** A row of the audit history. */
	record AuditRow(Instant occurredAt, String field, String oldValue, String newValue, String actor) {
	}

	/** A row of the timeline. */
	record TimelineRow(long id, String kind, String summary, Long ticketId, Integer durationMinutes, String actor,
			Instant occurredAt, Long contactId) {
	}

	/** Field → message in the user's language. */
	Map<String, String> errors(List<FieldProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(p.field(), message(p.code(), p.argument(), p.reason())));
		return errors;
	}

	/** Values that could not even be converted (text in a number field): "not a valid value". */
	Map<String, String> bindingErrors(org.springframework.validation.BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), message("invalidValue", null, "is not a valid value")));
		return errors;
	}

	String message(String code, String argument, String fallback) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage("customer.error." + code, argument == null ? null : new Object[] { argument }, fallback,
				locale);
	}

	/** Import problems with their reasons in the user's language. */
	List<Map<String, Object>> importProblems(List<ImportProblem> problems) {
		return problems.stream().map(p -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("line", p.line());
			row.put("field", fieldLabel(p.field()));
			row.put("reason", message(p.code(), p.argument(), p.reason()));
			return row;
		}).toList();
	}

	String fieldLabel(String field) {
		if (field.startsWith("attribute.") || field.startsWith("attributes.")) {
			return field.substring(field.indexOf('.') + 1);
		}
		return messages.getMessage("customer.field." + field, null, field, LocaleContextHolder.getLocale());
	}

	List<AuditRow> history(String entityType, long id) {
		List<AuditRecord> entries = audit.history(entityType, id, PageRequest.of(0, 100)).getContent();
		Map<Long, UserSummary> actors = users.users(entries.stream().map(AuditRecord::actorUserId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return entries.stream()
			.map(e -> new AuditRow(e.occurredAt(), fieldLabel(e.field()), e.oldValue(), e.newValue(),
					e.actorUserId() == null ? null
							: actors.containsKey(e.actorUserId()) ? actors.get(e.actorUserId()).displayName() : "#" + e.actorUserId()))
			.toList();
	}

	Page<TimelineRow> timeline(Page<TimelineEntry> page) {
		Map<Long, UserSummary> actors = users.users(page.getContent().stream().map(TimelineEntry::getActorUserId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return page.map(e -> new TimelineRow(e.getId(), e.getKind().name(), e.getSummary(), e.getTicketId(), e.getDurationMinutes(),
				e.getActorUserId() == null ? null : actors.containsKey(e.getActorUserId()) ? actors.get(e.getActorUserId()).displayName() : null,
				e.getOccurredAt(), e.getContactId()));
	}

	static boolean isHtmx(jakarta.servlet.http.HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

}
