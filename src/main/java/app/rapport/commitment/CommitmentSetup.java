package app.rapport.commitment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.calendar.ReadyMadeCalendars;
import app.rapport.commitment.calendar.WorkingPeriod;
import app.rapport.ticket.Priority;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: installs the ready-made calendars (mainland China, Taiwan, Bulgaria) from their data files if
 * they are missing, and a default plan on an office-hours calendar if there is no plan yet. An admin's
 * later edits and imports are never overwritten.
 */
@Component
@Order(0)
class CommitmentSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommitmentSetup.class);

	static final String DEFAULT_PLAN = "Standard";

	private final WorkCalendarRepository calendars;

	private final ServicePlanRepository plans;

	private final PlanBook book;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final String zone;

	CommitmentSetup(WorkCalendarRepository calendars, ServicePlanRepository plans, PlanBook book, Clock clock,
			TransactionTemplate tx, @Value("${rapport.commitments.default-zone:UTC}") String zone) {
		this.calendars = calendars;
		this.plans = plans;
		this.book = book;
		this.clock = clock;
		this.tx = tx;
		this.zone = zone;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			tx.executeWithoutResult(status -> install());
		}
		catch (DataIntegrityViolationException ex) {
			// Another node starting at the same moment installed them first.
			log.info("Calendars and the default plan were installed by another node");
		}
		book.forget();
	}

	void install() {
		for (app.rapport.commitment.calendar.ReadyMadeCalendar ready : ReadyMadeCalendars.load()) {
			if (calendars.findByReadyMadeKey(ready.key()).isEmpty()) {
				WorkCalendar calendar = new WorkCalendar(ready.key(), ready.names().getOrDefault("en", ready.key()),
						ready.zone(), ready.weeklyHours(), clock.instant());
				calendar.replaceDays(ready.days());
				calendars.save(calendar);
				log.info("Installed the ready-made calendar {} ({} holidays and working days)", ready.key(),
						ready.days().size());
			}
		}
		if (plans.count() == 0) {
			Map<DayOfWeek, List<WorkingPeriod>> hours = new EnumMap<>(DayOfWeek.class);
			for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY)) {
				hours.put(day, List.of(WorkingPeriod.parse("09:00", "18:00")));
			}
			WorkCalendar office = calendars.save(new WorkCalendar(null, "Office hours", ZoneId.of(zone), hours,
					clock.instant()));
			ServicePlan plan = new ServicePlan(DEFAULT_PLAN, office.id, clock.instant());
			plan.isDefault = true;
			plan.description = null;
			plan.targets.add(new PlanTarget(Priority.URGENT, null, 60, 120, 8 * 60));
			plan.targets.add(new PlanTarget(Priority.HIGH, null, 4 * 60, 8 * 60, 3 * 9 * 60));
			plan.targets.add(new PlanTarget(Priority.NORMAL, null, 8 * 60, 2 * 9 * 60, 5 * 9 * 60));
			plan.targets.add(new PlanTarget(Priority.LOW, null, 2 * 9 * 60, 5 * 9 * 60, 10 * 9 * 60));
			plans.save(plan);
			log.info("Created the default service plan '{}' on office hours ({})", DEFAULT_PLAN, zone);
		}
	}

}
