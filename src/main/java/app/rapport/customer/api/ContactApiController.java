package app.rapport.customer.api;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.rapport.customer.ContactDetails;
import app.rapport.customer.ContactFilter;
import app.rapport.customer.ContactView;
import app.rapport.customer.CustomerExport;
import app.rapport.customer.CustomerImport;
import app.rapport.customer.CustomerService;
import app.rapport.customer.DuplicateContactException;
import app.rapport.customer.ImportJobView;
import app.rapport.customer.ImportJobs;
import app.rapport.customer.ImportTarget;
import app.rapport.customer.ImportsBusyException;
import app.rapport.customer.Interaction;
import app.rapport.customer.LifecycleStage;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import app.rapport.shared.TabularExport;
import app.rapport.shared.web.ApiProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import tools.jackson.databind.JsonNode;

/**
 * Contacts over REST: list with filters, get (with ETag), create, patch (with If-Match or version),
 * timeline, logged interactions, merge, CSV import (dry run by default) and CSV/XLSX export.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

	private final CustomerService customers;

	private final CustomerImport imports;

	private final ImportJobs jobs;

	private final CustomerExport exports;

	ContactApiController(CustomerService customers, CustomerImport imports, ImportJobs jobs, CustomerExport exports) {
		this.jobs = jobs;
		this.customers = customers;
		this.imports = imports;
		this.exports = exports;
	}

	record MergeRequest(Long intoId) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<ContactView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String language,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResponse.of(customers.contacts(filter(q, lifecycleStage, organizationId, tag, language),
				Paging.of(page, size, CustomerService.BY_NAME)), c -> c);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	ResponseEntity<ContactView> get(@PathVariable long id) {
		ContactView contact = customers.contact(id);
		return ApiSupport.withEtag(contact, contact.version());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<ContactView> create(@AuthenticationPrincipal CurrentUser me, @RequestBody JsonNode body) {
		ApiSupport.requireObject(body);
		ContactView created = customers.createContact(details(body, null), me.id());
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id()))
			.eTag(ApiSupport.etag(created.version()))
			.body(created);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<ContactView> update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode body) {
		ApiSupport.requireObject(body);
		Long expected = ApiSupport.expectedVersion(ifMatch, body);
		ContactView current = customers.contact(id);
		ContactView updated = customers.updateContact(id, expected, details(body, current), me.id());
		return ApiSupport.withEtag(updated, updated.version());
	}

	@GetMapping("/{id}/timeline")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<ApiSupport.TimelineItem> timeline(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResponse.of(customers.contactTimeline(id, me, Paging.of(page, size, Sort.unsorted())), ApiSupport.TimelineItem::of);
	}

	@PostMapping("/{id}/interactions")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<ApiSupport.TimelineItem> logInteraction(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody ApiSupport.InteractionRequest request) {
		var entry = customers.logContactInteraction(id,
				new Interaction(request.kind(), request.summary(), request.durationMinutes(), request.occurredAt()), me.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(ApiSupport.TimelineItem.of(entry));
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ContactView merge(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody MergeRequest request) {
		if (request.intoId() == null) {
			throw new app.rapport.shared.InvalidInputException("intoId", "is required");
		}
		return customers.merge(id, request.intoId(), me.id());
	}

	/**
	 * A dry run (the default) answers the report at once; {@code dryRun=false} answers 202 with the
	 * background import's job, to be followed at its {@code Location}.
	 */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<?> importUpload(@AuthenticationPrincipal CurrentUser me, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String charset)
			throws IOException {
		byte[] bytes = file.getBytes();
		ApiSupport.requireFile(bytes);
		return ApiSupport.importFile(imports, jobs, ImportTarget.CONTACTS, bytes, charset, dryRun, file.getOriginalFilename(), me.id());
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<?> importBody(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String charset)
			throws IOException {
		byte[] bytes = ApiSupport.body(request);
		ApiSupport.requireFile(bytes);
		return ApiSupport.importFile(imports, jobs, ImportTarget.CONTACTS, bytes, charset, dryRun, null, me.id());
	}

	/** A background import this user started: its state, progress and, once done, its report. */
	@GetMapping("/imports/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	ImportJobView importJob(@AuthenticationPrincipal CurrentUser me, @PathVariable String id) {
		return ApiSupport.importJob(jobs, ImportTarget.CONTACTS, id, me.id());
	}

	@ExceptionHandler(ImportsBusyException.class)
	ResponseEntity<ProblemDetail> busy(ImportsBusyException ex) {
		return ApiSupport.busy(ex);
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String language,
			HttpServletResponse response) throws IOException {
		TabularExport.Format f = TabularExport.Format.parse(format);
		ContactFilter filter = filter(q, lifecycleStage, organizationId, tag, language);
		response.setContentType(f.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts." + f.extension() + "\"");
		exports.contacts(filter, f, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	/** A duplicate answers 409 and names the contact that already exists. */
	@ExceptionHandler(DuplicateContactException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateContactException ex) {
		ResponseEntity<ProblemDetail> problem = ApiProblemHandler.problem(HttpStatus.CONFLICT, "Duplicate contact",
				ex.getMessage(), Map.of(ex.duplicate().field(), "already used by contact #" + ex.duplicate().existingId()));
		problem.getBody().setProperty("existingId", ex.duplicate().existingId());
		problem.getBody().setProperty("existingName", ex.duplicate().existingName());
		return problem;
	}

	static ContactFilter filter(String q, String lifecycleStage, Long organizationId, String tag, String language) {
		return new ContactFilter(q, ApiSupport.enumParam(LifecycleStage.class, "lifecycleStage", lifecycleStage),
				organizationId, tag, ApiSupport.languageParam(language));
	}

	/** Details from a request body; on update, fields the body leaves out keep their current value. */
	private static ContactDetails details(JsonNode body, ContactView current) {
		List<String> emails = null;
		if (ApiSupport.has(body, "email") || ApiSupport.has(body, "emails")) {
			List<String> given = new ArrayList<>();
			String email = ApiSupport.string(body, "email");
			if (email != null && !email.isBlank()) {
				given.add(email);
			}
			List<String> more = ApiSupport.strings(body, "emails");
			if (more != null) {
				more.stream().filter(e -> !given.contains(e)).forEach(given::add);
			}
			emails = given;
		}
		List<String> phones = null;
		if (ApiSupport.has(body, "phone") || ApiSupport.has(body, "phones")) {
			phones = new ArrayList<>();
			String phone = ApiSupport.string(body, "phone");
			if (phone != null && !phone.isBlank()) {
				phones.add(phone);
			}
			List<String> more = ApiSupport.strings(body, "phones");
			if (more != null) {
				phones.addAll(more);
			}
		}
		if (current == null) {
			return new ContactDetails(ApiSupport.string(body, "name"), ApiSupport.string(body, "latinName"), emails,
					phones, ApiSupport.string(body, "language"), ApiSupport.string(body, "preferredChannel"),
					ApiSupport.string(body, "lifecycleStage"), ApiSupport.id(body, "organizationId"),
					ApiSupport.string(body, "organizationRole"), ApiSupport.string(body, "valuesMost"),
					ApiSupport.string(body, "personalNotes"), ApiSupport.strings(body, "tags"), ApiSupport.attributes(body));
		}
		boolean orgGiven = ApiSupport.has(body, "organizationId");
		Map<String, String> attributes = new java.util.LinkedHashMap<>(current.attributes());
		Map<String, String> changedAttributes = ApiSupport.attributes(body);
		if (changedAttributes != null) {
			attributes.putAll(changedAttributes);
			attributes.values().removeIf(v -> v == null);
		}
		return new ContactDetails(pick(body, "name", current.name()), pick(body, "latinName", current.latinName()),
				emails == null ? current.emails() : emails, phones == null ? current.phones() : phones,
				pick(body, "language", current.language()),
				pick(body, "preferredChannel", current.preferredChannel() == null ? null : current.preferredChannel().name()),
				pick(body, "lifecycleStage", current.lifecycleStage().name()),
				orgGiven ? ApiSupport.id(body, "organizationId") : current.organizationId(),
				pick(body, "organizationRole", current.organizationRole() == null ? null : current.organizationRole().name()),
				pick(body, "valuesMost", current.valuesMost()), pick(body, "personalNotes", current.personalNotes()),
				ApiSupport.has(body, "tags") ? ApiSupport.strings(body, "tags") : current.tags(), attributes);
	}

	private static String pick(JsonNode body, String field, String current) {
		return ApiSupport.has(body, field) ? ApiSupport.string(body, field) : current;
	}

}
