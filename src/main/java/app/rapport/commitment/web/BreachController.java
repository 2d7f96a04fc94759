package app.rapport.commitment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.BreachSummary;
import app.rapport.commitment.BreachView;
import app.rapport.commitment.Breaches;
import app.rapport.commitment.ReasonView;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.Role;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.Paging;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Breaches and their reasons: unexplained, explained or all, by owner and group, with the unexplained
 * counts per owner and per group, and a form on each unexplained breach to give its reason.
 */
@Controller
@PreAuthorize("hasAuthority('SCOPE_read')")
class BreachController {

	static final int PAGE_SIZE = 50;

	/** Breaches older than this many days without a reason stand out. */
	static final long OVERDUE_DAYS = 2;

	private final Breaches breaches;

	private final BreachSummary summary;

	private final Choices choices;

	BreachController(Breaches breaches, BreachSummary summary, Choices choices) {
		this.breaches = breaches;
		this.summary = summary;
		this.choices = choices;
	}

	/** Which breaches the list shows. */
	enum Show {

		UNEXPLAINED(Boolean.FALSE), EXPLAINED(Boolean.TRUE), ALL(null);

		final Boolean explained;

		Show(Boolean explained) {
			this.explained = explained;
		}

		static Show parse(String value) {
			for (Show s : values()) {
				if (s.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
					return s;
				}
			}
			return UNEXPLAINED;
		}

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The list's filters. An agent who gives no owner sees their own breaches ("my breaches"); an empty
	 * owner means anyone's.
	 */
	record Filters(Show show, Long ownerId, Long groupId, int page) {

		static Filters of(CurrentUser me, String show, String ownerId, String groupId, String page) {
			Long owner = ownerId == null && me.role() == Role.AGENT ? Long.valueOf(me.id()) : Choices.parseLong(ownerId);
			Long p = Choices.parseLong(page);
			return new Filters(Show.parse(show), owner, Choices.parseLong(groupId),
					p == null ? 0 : (int) Math.max(0, Math.min(p, 10_000)));
		}

		String url(Show tab, int pageNumber) {
			UriComponentsBuilder b = UriComponentsBuilder.fromPath("/commitments/breaches").queryParam("show", tab.key());
			b.queryParam("ownerId", ownerId == null ? "" : ownerId);
			if (groupId != null) {
				b.queryParam("groupId", groupId);
			}
			if (pageNumber > 0) {
				b.queryParam("page", pageNumber);
			}
			return b.build().toUriString();
		}

		String url() {
			return url(show, page);
		}

	}

	@GetMapping("/commitments/breaches")
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String show,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String groupId,
			@RequestParam(required = false) String page, @RequestParam(required = false) Long explained, Model model) {
		Filters filters = Filters.of(me, show, ownerId, groupId, page);
		model.addAttribute("explainedId", explained);
		return page(me, filters, model);
	}

	@PostMapping("/commitments/breaches/{id}/reason")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String explain(@PathVariable long id, @AuthenticationPrincipal CurrentUser me,
			@RequestParam(required = false) String reasonKey, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String show,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String groupId,
			@RequestParam(required = false) String page, Model model, HttpServletResponse response) {
		Filters filters = Filters.of(me, show, ownerId, groupId, page);
		try {
			breaches.explain(id, reasonKey, note, version, me, Choices.language());
			return "redirect:" + UriComponentsBuilder.fromUriString(filters.url()).queryParam("explained", id).build().toUriString();
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			if (ex.fieldErrors().containsKey("reasonKey")) {
				errors.put("reasonKey", "commitment.breach.error.reason");
			}
			if (ex.fieldErrors().containsKey("note")) {
				errors.put("note", note == null || note.isBlank() ? "commitment.breach.error.noteMissing"
						: "commitment.breach.error.noteTooLong");
			}
			model.addAttribute("formErrors", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (AccessDeniedException ex) {
			model.addAttribute("refusal", "commitment.breach.error.notAllowed");
			model.addAttribute("failedTicketId", breaches.get(id, me, Choices.language()).ticketId());
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
		catch (ConflictException ex) {
			model.addAttribute("refusal", "commitment.breach.error.conflict");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		model.addAttribute("failedId", id);
		model.addAttribute("typedReason", reasonKey);
		model.addAttribute("typedNote", note);
		return page(me, filters, model);
	}

	private String page(CurrentUser me, Filters filters, Model model) {
		String language = Choices.language();
		Page<BreachView> found = breaches.find(new Breaches.Filter(filters.show().explained, filters.ownerId(),
				filters.groupId(), null), Paging.of(filters.page(), PAGE_SIZE, Sort.by(Sort.Direction.ASC, "detectedAt", "id")),
				me, language);
		List<ReasonView> reasons = breaches.reasons().stream().filter(ReasonView::active).toList();
		Map<String, String> reasonNames = new LinkedHashMap<>();
		reasons.forEach(r -> reasonNames.put(r.key(), r.name(language)));
		Map<Show, String> tabs = new LinkedHashMap<>();
		for (Show s : Show.values()) {
			tabs.put(s, filters.url(s, 0));
		}
		model.addAttribute("filters", filters);
		model.addAttribute("page", found);
		model.addAttribute("tabs", tabs);
		model.addAttribute("summary", summary.unexplained(me));
		model.addAttribute("reasons", reasonNames);
		model.addAttribute("groups", choices.groups(me));
		model.addAttribute("owners", choices.owners(me));
		model.addAttribute("meId", me.id());
		model.addAttribute("supervises", me.role() == Role.ADMIN || me.role() == Role.SUPERVISOR);
		model.addAttribute("myGroupIds", choices.myGroupIds(me));
		model.addAttribute("overdueDays", OVERDUE_DAYS);
		model.addAttribute("formUrl", filters.url());
		model.addAttribute("prevUrl", found.hasPrevious() ? filters.url(filters.show(), filters.page() - 1) : null);
		model.addAttribute("nextUrl", found.hasNext() ? filters.url(filters.show(), filters.page() + 1) : null);
		return "commitment/breaches";
	}

}
