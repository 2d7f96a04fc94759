package app.rapport.commitment.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import app.rapport.commitment.Attainment;
import app.rapport.commitment.BreachView;
import app.rapport.commitment.BoardView;
import app.rapport.commitment.Breaches;
import app.rapport.commitment.PunctualityBoard;
import app.rapport.commitment.ClockView;
import app.rapport.commitment.CommitmentBackfill;
import app.rapport.commitment.ReasonView;
import app.rapport.commitment.TicketClocks;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import app.rapport.shared.web.Languages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's clocks, breaches and their reasons, and attainment figures over REST. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('SCOPE_read')")
class CommitmentApiController {

	/** Reports, like the reports page: supervisors, admins and analysts, not agents. */
	static final String REPORT_READERS = "hasAuthority('SCOPE_read') and hasAnyRole('ADMIN', 'SUPERVISOR', 'ANALYST')";

	private final TicketClocks clocks;

	private final Breaches breaches;

	private final Attainment attainment;

	private final PunctualityBoard board;

	private final CommitmentBackfill backfill;

	CommitmentApiController(TicketClocks clocks, Breaches breaches, Attainment attainment, PunctualityBoard board,
			CommitmentBackfill backfill) {
		this.board = board;
		this.backfill = backfill;
		this.clocks = clocks;
		this.breaches = breaches;
		this.attainment = attainment;
	}

	record Explanation(String reasonKey, String note, Long version) {
	}

	record AttainmentResponse(String by, String period, LocalDate from, LocalDate to, List<Attainment.Row> rows) {
	}

	@GetMapping("/tickets/{id}/clocks")
	List<ClockView> clocks(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return clocks.of(id, me);
	}

	/** The punctuality board: open commitments soonest due first (at most 200) and the counts per state. */
	@GetMapping("/board")
	BoardView board(@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) Long ownerId, @AuthenticationPrincipal CurrentUser me) {
		return board.board(new PunctualityBoard.Filter(groupId, planId, ownerId), me);
	}

	/**
	 * Starts keeping clocks for every ticket that has none yet (after an import or a bulk load); waits for
	 * it and says how many tickets and past breaches. Done at start-up too, unless switched off.
	 */
	@PostMapping("/commitments/adopt")
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	CommitmentBackfill.Result adopt() {
		return backfill.adoptNow();
	}

	@GetMapping("/breaches")
	PageResponse<BreachView> breaches(@RequestParam(required = false) Boolean explained,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long ticketId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@AuthenticationPrincipal CurrentUser me) {
		var found = breaches.find(new Breaches.Filter(explained, ownerId, groupId, ticketId),
				Paging.of(page, size, Sort.by(Sort.Direction.ASC, "detectedAt", "id")), me, language());
		return PageResponse.of(found, b -> b);
	}

	@GetMapping("/breaches/{id}")
	BreachView breach(@PathVariable long id,
			@AuthenticationPrincipal CurrentUser me) {
		return breaches.get(id, me, language());
	}

	@PutMapping("/breaches/{id}/reason")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	BreachView explain(@PathVariable long id, @RequestBody Explanation explanation,
			@AuthenticationPrincipal CurrentUser me) {
		return breaches.explain(id, explanation.reasonKey(), explanation.note(), explanation.version(), me,
				language());
	}

	@GetMapping("/breach-reasons")
	List<ReasonView> reasons() {
		return breaches.reasons();
	}

	/** Share of commitments met, by plan, priority, group, agent, commitment or all, per day, week or month. */
	@GetMapping("/attainment")
	@PreAuthorize(REPORT_READERS)
	AttainmentResponse attainment(@RequestParam(defaultValue = "plan") String by,
			@RequestParam(defaultValue = "week") String period, @RequestParam LocalDate from, @RequestParam LocalDate to) {
		Attainment.Dimension dimension = Attainment.Dimension.parse(by);
		Attainment.Period length = Attainment.Period.parse(period);
		return new AttainmentResponse(dimension.name().toLowerCase(Locale.ROOT), length.name().toLowerCase(Locale.ROOT),
				from, to, attainment.rows(dimension, length, from, to));
	}

	/** Breaches per reason, largest first, with running shares (the Pareto chart's data). */
	@GetMapping("/breaches/pareto")
	@PreAuthorize(REPORT_READERS)
	List<Attainment.ParetoBar> pareto(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "UTC") String zone) {
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (java.time.DateTimeException ex) {
			throw new app.rapport.shared.InvalidInputException("zone", "is not a time zone, e.g. Asia/Shanghai");
		}
		return attainment.pareto(from, to, zoneId, language());
	}

	/** The caller's language (from Accept-Language through the locale resolver) as one of the four tags. */
	static String language() {
		return Languages.closest(LocaleContextHolder.getLocale());
	}

}
