package app.rapport.operations.web;

import java.time.Clock;
import java.util.UUID;

import app.rapport.operations.EventReactions;
import app.rapport.search.IndexLag;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of background work: reactions to events still to do or failed, with a retry. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OperationsController {

	static final int PAGE_SIZE = 50;

	private final EventReactions reactions;

	private final Clock clock;

	private final IndexLag indexLag;

	OperationsController(EventReactions reactions, Clock clock, IndexLag indexLag) {
		this.reactions = reactions;
		this.clock = clock;
		this.indexLag = indexLag;
	}

	@GetMapping("/admin/operations")
	String page(@RequestParam(defaultValue = "0") int page, Model model) {
		var summary = reactions.summary();
		model.addAttribute("summary", summary);
		model.addAttribute("oldestMinutes", summary.oldestAge(clock.instant()).toMinutes());
		model.addAttribute("reactions", reactions.outstanding(PageRequest.of(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("indexPending", indexLag.pending());
		model.addAttribute("indexLagSeconds", String.format(java.util.Locale.ROOT, "%.1f", indexLag.lag().toMillis() / 1000.0));
		return "operations/index";
	}

	@PostMapping("/admin/operations/reactions/{id}/retry")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", reactions.retryNow(id) ? "operations.retried" : "operations.notFailed");
		return "redirect:/admin/operations";
	}

	@PostMapping("/admin/operations/reactions/retry")
	String retryAll(RedirectAttributes redirect) {
		reactions.retryAllNow();
		redirect.addFlashAttribute("notice", "operations.retriedAll");
		return "redirect:/admin/operations";
	}

}
