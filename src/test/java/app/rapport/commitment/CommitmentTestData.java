package app.rapport.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.ticket.NewTicket;
import app.rapport.ticket.Priority;
import app.rapport.ticket.TicketService;
import app.rapport.ticket.TicketType;
import app.rapport.ticket.TicketView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans, tickets and breaches for the commitment page tests. A breach is made the way production makes
 * it: the ticket's clock is moved into the past and the running detector (every second) notices it.
 */
@Component
public class CommitmentTestData {

	private final Calendars calendars;

	private final Plans plans;

	private final CustomerDirectory customers;

	private final TicketService tickets;

	private final JdbcTemplate jdbc;

	CommitmentTestData(Calendars calendars, Plans plans, CustomerDirectory customers, TicketService tickets,
			JdbcTemplate jdbc) {
		this.calendars = calendars;
		this.plans = plans;
		this.customers = customers;
		this.tickets = tickets;
		this.jdbc = jdbc;
	}

	/** A plan on a round-the-clock UTC calendar promising a first response in {@code firstResponseMinutes}. */
	public PlanView roundTheClockPlan(int firstResponseMinutes) {
		Map<String, List<List<String>>> hours = new LinkedHashMap<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.put(day, List.of(List.of("00:00", "00:00")));
		}
		String unique = UUID.randomUUID().toString().substring(0, 8);
		CalendarView calendar = calendars.create(new CalendarInput("Always " + unique, "UTC", hours, null));
		return plans.create(new PlanInput("Plan " + unique, null, calendar.id(), false, null, null, null, null,
				List.of(new PlanInput.Target("NORMAL", null, firstResponseMinutes, 60, 480)), List.of(), null), null);
	}

	/** A new customer on the plan and their ticket in the group, with its first-response clock running. */
	public TicketView ticketOnPlan(long planId, long groupId, String subject) {
		ContactSummary contact = customers.findOrCreateByEmail(
				"c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "Клиент Тест", "bg");
		plans.assignToContact(contact.id(), planId, null);
		TicketView ticket = tickets.open(new NewTicket(subject, "Where is my parcel?", false, TicketType.QUESTION,
				Priority.NORMAL, contact.id(), null, null, groupId, null, List.of(), Map.of()), null);
		await("a running clock on ticket " + ticket.id(), () -> jdbc.queryForObject(
				"select count(*) from commitment_clock where ticket_id = ? and state = 'RUNNING'", Long.class,
				ticket.id()) > 0);
		return ticket;
	}

	/** Moves the ticket's running clocks into the past, so that the detector notices the breach. */
	public void moveDueIntoThePast(long ticketId) {
		Instant past = Instant.now().minus(Duration.ofMinutes(5));
		java.sql.Timestamp at = java.sql.Timestamp.from(past);
		jdbc.update("update commitment_clock set due_at = ?, at_risk_at = ?, next_check_at = ? where ticket_id = ? and state = 'RUNNING'",
				at, at, at, ticketId);
	}

	/** Makes the ticket's first response breached and returns the breach id, once the detector has noticed it. */
	public long breach(long ticketId) {
		moveDueIntoThePast(ticketId);
		await("a breach on ticket " + ticketId,
				() -> jdbc.queryForObject("select count(*) from breach where ticket_id = ?", Long.class, ticketId) > 0);
		return jdbc.queryForObject("select min(id) from breach where ticket_id = ?", Long.class, ticketId);
	}

	/** Pretends the breach was noticed {@code days} days ago. */
	public void ageBreach(long breachId, int days) {
		jdbc.update("update breach set detected_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(days))), breachId);
	}

	public String reasonOf(long breachId) {
		return jdbc.queryForObject("select reason_key from breach where id = ?", String.class, breachId);
	}

	private static void await(String what, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
