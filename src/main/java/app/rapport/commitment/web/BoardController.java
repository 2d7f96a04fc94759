package app.rapport.commitment.web;

import java.util.List;

import app.rapport.commitment.BoardView;
import app.rapport.commitment.ClockView;
import app.rapport.commitment.Plans;
import app.rapport.commitment.PunctualityBoard;
import app.rapport.commitment.TicketClocks;
import app.rapport.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The punctuality board (a page whose table polls a fragment every few seconds) and the clocks card on
 * the ticket page. Polling is cheap because {@link PunctualityBoard} shares one computed board per filter.
 */
@Controller
@PreAuthorize("hasAuthority('SCOPE_read')")
class BoardController {

	private final PunctualityBoard board;

	private final TicketClocks clocks;

	private final Plans plans;

	private final Choices choices;

	BoardController(PunctualityBoard board, TicketClocks clocks, Plans plans, Choices choices) {
		this.board = board;
		this.clocks = clocks;
		this.plans = plans;
		this.choices = choices;
	}

	/** The board's filters as typed; unknown values are ignored rather than failing the wall screen. */
	record Filters(Long groupId, Long planId, Long ownerId, boolean wall) {

		static Filters of(String groupId, String planId, String ownerId, String wall) {
			return new Filters(Choices.parseLong(groupId), Choices.parseLong(planId), Choices.parseLong(ownerId),
					"true".equalsIgnoreCase(wall));
		}

		PunctualityBoard.Filter filter() {
			return new PunctualityBoard.Filter(groupId, planId, ownerId);
		}

		String url(String path) {
			UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
			if (groupId != null) {
				b.queryParam("groupId", groupId);
			}
			if (planId != null) {
				b.queryParam("planId", planId);
			}
			if (ownerId != null) {
				b.queryParam("ownerId", ownerId);
			}
			if (wall) {
				b.queryParam("wall", true);
			}
			return b.build().toUriString();
		}

	}

	@GetMapping("/commitments")
	String home() {
		return "redirect:/commitments/board";
	}

	@GetMapping("/commitments/board")
	String board(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String groupId,
			@RequestParam(required = false) String planId, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) String wall,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Filters filters = Filters.of(groupId, planId, ownerId, wall);
		rows(me, filters, model);
		if (htmx != null) {
			return "commitment/_board :: rows";
		}
		model.addAttribute("groups", choices.groups(me));
		model.addAttribute("plans", plans.all());
		model.addAttribute("owners", choices.owners(me));
		model.addAttribute("wallUrl", new Filters(filters.groupId(), filters.planId(), filters.ownerId(), true)
			.url("/commitments/board"));
		model.addAttribute("laptopUrl", new Filters(filters.groupId(), filters.planId(), filters.ownerId(), false)
			.url("/commitments/board"));
		return "commitment/board";
	}

	/** The counters and the table alone, polled by every open board. */
	@GetMapping("/commitments/board/rows")
	String rows(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String groupId,
			@RequestParam(required = false) String planId, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) String wall, Model model) {
		rows(me, Filters.of(groupId, planId, ownerId, wall), model);
		return "commitment/_board :: rows";
	}

	private void rows(CurrentUser me, Filters filters, Model model) {
		BoardView view = board.board(filters.filter(), me);
		model.addAttribute("filters", filters);
		model.addAttribute("board", view);
		model.addAttribute("wall", filters.wall());
		model.addAttribute("rowsUrl", filters.url("/commitments/board/rows"));
	}

	/** The clocks card of the ticket page; 404 when the user may not see the ticket. */
	@GetMapping("/tickets/{id}/clocks")
	String clocks(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		List<ClockView> found = clocks.of(id, me);
		model.addAttribute("clocks", found);
		return "commitment/_clocks :: clocks";
	}

}
