package app.rapport.search.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.identity.CurrentUser;
import app.rapport.search.SearchIndex;
import app.rapport.search.SearchResults;
import app.rapport.search.SearchResults.ContactHit;
import app.rapport.search.SearchResults.OrganizationHit;
import app.rapport.search.SearchService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Global search over the REST API, and the admin's way to rebuild the index. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApiController {

	private final SearchService search;

	private final SearchIndex index;

	SearchApiController(SearchService search, SearchIndex index) {
		this.search = search;
		this.index = index;
	}

	record TicketView(long id, long number, String subject, String state, String priority, Instant createdAt,
			Instant updatedAt) {
	}

	/** How many of each kind matched; {@code exact} is false when a count stopped at its lower bound. */
	record Totals(long tickets, long contacts, long organizations, boolean exact) {
	}

	record SearchResponse(String query, int limit, List<TicketView> tickets, List<ContactHit> contacts,
			List<OrganizationHit> organizations, Totals totals) {
	}

	/** {@code q}: words in any of the four languages, an e-mail, or a ticket number ({@code #123}). */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	SearchResponse search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@AuthenticationPrincipal CurrentUser me) {
		SearchResults r = search.search(q, limit, me);
		List<TicketView> tickets = r.tickets()
			.items()
			.stream()
			.map(t -> new TicketView(t.id(), t.number(), t.subject(), lower(t.state()), lower(t.priority()),
					t.createdAt(), t.updatedAt()))
			.toList();
		Totals totals = new Totals(r.tickets().total(), r.contacts().total(), r.organizations().total(),
				r.tickets().totalExact() && r.contacts().totalExact() && r.organizations().totalExact());
		return new SearchResponse(r.query(), r.limit(), tickets, r.contacts().items(), r.organizations().items(),
				totals);
	}

	/** Rebuilds the index from the database in the background: 202 at once, progress in the log. */
	@PostMapping("/reindex")
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	ResponseEntity<Map<String, String>> reindex() {
		String status = index.startReindexAll() ? "started" : "already-running";
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", status));
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
