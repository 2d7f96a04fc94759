package app.rapport.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.rapport.commitment.CalendarView;
import app.rapport.commitment.Calendars;
import app.rapport.commitment.CommitmentBackfill;
import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo company's service plans (Platinum and Gold on the mainland-China calendar, Basic on the
 * Bulgarian one, the default Standard for the rest), given to its organizations; then the clocks of its
 * tickets, and reasons for most of the breaches of the past so that the reports have something to show.
 */
@Component
class DemoCommitments {

	/** Reason keys weighted so that the Pareto chart has a clear head. */
	private static final String[] REASONS = { "workload", "workload", "workload", "workload", "waiting-internal",
			"waiting-internal", "waiting-internal", "waiting-supplier", "waiting-supplier", "misrouted", "unassigned",
			"complex", "absence", "tooling", "other" };

	private static final Map<String, String> NOTES = Map.of("workload", "Queue was twice the usual size that day.",
			"waiting-internal", "Waited for the warehouse team to check the stock.", "waiting-supplier",
			"The courier answered two days late.", "misrouted", "Landed in the wrong group first.", "unassigned",
			"Nobody picked it up over the weekend.", "complex", "Needed a second opinion from engineering.", "absence",
			"The owner was on sick leave.", "tooling", "The order system was down for the afternoon.", "other",
			"See the ticket's internal note.");

	private final Plans plans;

	private final Calendars calendars;

	private final CommitmentBackfill backfill;

	private final JdbcTemplate jdbc;


	DemoCommitments(Plans plans, Calendars calendars, CommitmentBackfill backfill, JdbcTemplate jdbc) {
		this.plans = plans;
		this.calendars = calendars;
		this.backfill = backfill;
		this.jdbc = jdbc;
	}

	/** Plans for the organizations, clocks for every ticket, reasons for three breaches in four. */
	CommitmentBackfill.Result create(long seed) {
		Random random = new Random(seed);
		long cn = calendar("cn-mainland");
		long bg = calendar("bg");
		PlanView platinum = plan("Platinum", "Our fastest promise, on the mainland-China working calendar.", cn, 1);
		PlanView gold = plan("Gold", "Business customers, mainland-China working calendar.", cn, 2);
		PlanView basic = plan("Basic", "Consumers in Bulgaria, Bulgarian working calendar.", bg, 4);
		List<Long> organizations = jdbc.queryForList("select id from organization order by id", Long.class);
		for (int i = 0; i < organizations.size(); i++) {
			PlanView plan = switch (i % 5) {
				case 0 -> platinum;
				case 1, 2 -> gold;
				case 3 -> basic;
				default -> null;
			};
			if (plan != null) {
				plans.assignToOrganization(organizations.get(i), plan.id(), null);
			}
		}
		CommitmentBackfill.Result result = backfill.adoptUntracked();
		List<Map<String, Object>> breaches = jdbc.queryForList(
				"select id, owner_id, detected_at from breach where explained_at is null order by id");
		for (Map<String, Object> b : breaches) {
			if (random.nextInt(4) == 0 || b.get("owner_id") == null) {
				continue;
			}
			String reason = REASONS[random.nextInt(REASONS.length)];
			Object value = b.get("detected_at");
			java.time.Instant detected = value instanceof java.time.OffsetDateTime odt ? odt.toInstant()
					: ((Timestamp) value).toInstant();
			jdbc.update("update breach set reason_key = ?, note = ?, explained_by = ?, explained_at = ?, version = version + 1 where id = ?",
					reason, NOTES.get(reason), b.get("owner_id"),
					Timestamp.from(detected.plus(Duration.ofHours(2 + random.nextInt(40)))), b.get("id"));
		}
		return result;
	}

	private long calendar(String key) {
		return calendars.all()
			.stream()
			.filter(c -> key.equals(c.key()))
			.map(CalendarView::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the ready-made calendar " + key + " is missing"));
	}

	/** A plan whose targets are {@code factor} times Platinum's (in business minutes). */
	private PlanView plan(String name, String description, long calendarId, int factor) {
		List<PlanInput.Target> targets = List.of(target("URGENT", 30, 60, 240, factor),
				target("HIGH", 60, 120, 480, factor), target("NORMAL", 120, 240, 960, factor),
				target("LOW", 240, 480, 1920, factor), new PlanInput.Target("NORMAL", "COMPLAINT", 60 * factor,
						120 * factor, 480 * factor));
		List<PlanInput.Escalation> escalations = factor == 1
				? List.of(new PlanInput.Escalation("breached", "first_response", "HIGH", null, null)) : List.of();
		return plans.create(new PlanInput(name, description, calendarId, false, 80, null, null, true, targets,
				escalations, null), null);
	}

	private static PlanInput.Target target(String priority, int first, int update, int resolution, int factor) {
		return new PlanInput.Target(priority, null, first * factor, update * factor, resolution * factor);
	}


}
