package app.rapport.customer.api;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.customer.ContactView;
import app.rapport.customer.CustomerExport;
import app.rapport.customer.CustomerImport;
import app.rapport.customer.CustomerService;
import app.rapport.customer.ImportJobView;
import app.rapport.customer.ImportJobs;
import app.rapport.customer.ImportTarget;
import app.rapport.customer.ImportsBusyException;
import app.rapport.customer.Interaction;
import app.rapport.customer.LifecycleStage;
import app.rapport.customer.OrganizationDetails;
import app.rapport.customer.OrganizationFilter;
import app.rapport.customer.OrganizationKind;
import app.rapport.customer.OrganizationView;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import app.rapport.shared.TabularExport;
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

/** Organizations over REST: list, get, create, patch, their contacts, timeline, interactions, import, export. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApiController {

	private final CustomerService customers;

	private final CustomerImport imports;

	private final ImportJobs jobs;

	private final CustomerExport exports;

	OrganizationApiController(CustomerService customers, CustomerImport imports, ImportJobs jobs, CustomerExport exports) {
		this.jobs = jobs;
		this.customers = customers;
		this.imports = imports;
		this.exports = exports;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<OrganizationView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResponse.of(customers.organizations(filter(q, kind, lifecycleStage, tag),
				Paging.of(page, size, CustomerService.BY_NAME)), o -> o);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	ResponseEntity<OrganizationView> get(@PathVariable long id) {
		OrganizationView org = customers.organization(id);
		return ApiSupport.withEtag(org, org.version());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<OrganizationView> create(@AuthenticationPrincipal CurrentUser me, @RequestBody JsonNode body) {
		ApiSupport.requireObject(body);
		OrganizationView created = customers.createOrganization(details(body, null), me.id());
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
			.eTag(ApiSupport.etag(created.version()))
			.body(created);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<OrganizationView> update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode body) {
		ApiSupport.requireObject(body);
		Long expected = ApiSupport.expectedVersion(ifMatch, body);
		OrganizationView current = customers.organization(id);
		OrganizationView updated = customers.updateOrganization(id, expected, details(body, current), me.id());
		return ApiSupport.withEtag(updated, updated.version());
	}

	@GetMapping("/{id}/contacts")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<ContactView> contacts(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResponse.of(customers.contactsOf(id, Paging.of(page, size, CustomerService.BY_NAME)), c -> c);
	}

	@GetMapping("/{id}/timeline")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<ApiSupport.TimelineItem> timeline(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResponse.of(customers.organizationTimeline(id, me, Paging.of(page, size, Sort.unsorted())),
				ApiSupport.TimelineItem::of);
	}

	@PostMapping("/{id}/interactions")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<ApiSupport.TimelineItem> logInteraction(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestBody ApiSupport.InteractionRequest request) {
		var entry = customers.logOrganizationInteraction(id,
				new Interaction(request.kind(), request.summary(), request.durationMinutes(), request.occurredAt()), me.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(ApiSupport.TimelineItem.of(entry));
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
		return ApiSupport.importFile(imports, jobs, ImportTarget.ORGANIZATIONS, bytes, charset, dryRun, file.getOriginalFilename(), me.id());
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<?> importBody(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String charset)
			throws IOException {
		byte[] bytes = ApiSupport.body(request);
		ApiSupport.requireFile(bytes);
		return ApiSupport.importFile(imports, jobs, ImportTarget.ORGANIZATIONS, bytes, charset, dryRun, null, me.id());
	}

	/** A background import this user started: its state, progress and, once done, its report. */
	@GetMapping("/imports/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	ImportJobView importJob(@AuthenticationPrincipal CurrentUser me, @PathVariable String id) {
		return ApiSupport.importJob(jobs, ImportTarget.ORGANIZATIONS, id, me.id());
	}

	@ExceptionHandler(ImportsBusyException.class)
	ResponseEntity<ProblemDetail> busy(ImportsBusyException ex) {
		return ApiSupport.busy(ex);
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String lifecycleStage,
			@RequestParam(required = false) String tag, HttpServletResponse response) throws IOException {
		TabularExport.Format f = TabularExport.Format.parse(format);
		OrganizationFilter filter = filter(q, kind, lifecycleStage, tag);
		response.setContentType(f.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organizations." + f.extension() + "\"");
		exports.organizations(filter, f, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	static OrganizationFilter filter(String q, String kind, String lifecycleStage, String tag) {
		return new OrganizationFilter(q, ApiSupport.enumParam(OrganizationKind.class, "kind", kind),
				ApiSupport.enumParam(LifecycleStage.class, "lifecycleStage", lifecycleStage), tag);
	}

	private static OrganizationDetails details(JsonNode body, OrganizationView current) {
		if (current == null) {
			return new OrganizationDetails(ApiSupport.string(body, "name"), ApiSupport.string(body, "latinName"),
					ApiSupport.string(body, "domain"), ApiSupport.string(body, "kind"),
					ApiSupport.string(body, "lifecycleStage"), ApiSupport.string(body, "language"),
					ApiSupport.string(body, "valuesMost"), ApiSupport.string(body, "notes"), ApiSupport.strings(body, "tags"),
					ApiSupport.attributes(body));
		}
		Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
		Map<String, String> changed = ApiSupport.attributes(body);
		if (changed != null) {
			attributes.putAll(changed);
			attributes.values().removeIf(v -> v == null);
		}
		return new OrganizationDetails(pick(body, "name", current.name()), pick(body, "latinName", current.latinName()),
				pick(body, "domain", current.domain()), pick(body, "kind", current.kind().name()),
				pick(body, "lifecycleStage", current.lifecycleStage().name()), pick(body, "language", current.language()),
				pick(body, "valuesMost", current.valuesMost()), pick(body, "notes", current.notes()),
				body.has("tags") ? ApiSupport.strings(body, "tags") : current.tags(), attributes);
	}

	private static String pick(JsonNode body, String field, String current) {
		return body.has(field) ? ApiSupport.string(body, field) : current;
	}

}
