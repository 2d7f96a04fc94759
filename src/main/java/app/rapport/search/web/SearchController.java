package app.rapport.search.web;

import app.rapport.identity.CurrentUser;
import app.rapport.search.SearchQuery;
import app.rapport.search.SearchService;
import app.rapport.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The global search page: results grouped by kind, reached from the search box in the header. */
@Controller
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@GetMapping("/search")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	String search(@RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("query", q == null ? "" : q);
		model.addAttribute("maxLength", SearchQuery.MAX_LENGTH);
		if (q != null && !q.isBlank()) {
			try {
				model.addAttribute("results", search.search(q, SearchQuery.DEFAULT_LIMIT, me));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("tooLong", true);
			}
		}
		return "search/results";
	}

}
