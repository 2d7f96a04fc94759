package app.rapport.ticket;

import java.util.List;
import java.util.Map;

import app.rapport.audit.AuditTrail;
import app.rapport.customer.ContactSummary;
import app.rapport.customer.ContactsMerged;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.RapportIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class ContactsMergedIntegrationTests {

	@Autowired
	TicketFixtures fixtures;

	@Autowired
	TicketService tickets;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditTrail audit;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	app.rapport.support.Reactions reactions;

	@Test
	void movesTheMergedContactsTicketsToTheSurvivingContact() {
		GroupSummary group = fixtures.group(AssignmentMode.MANUAL);
		UserSummary supervisor = fixtures.user(Role.SUPERVISOR);
		ContactSummary duplicate = fixtures.customer("en");
		ContactSummary survivor = fixtures.customer("en");
		TicketView first = open(duplicate, group, "Where is my order?");
		TicketView second = open(duplicate, group, "Order arrived broken");
		TicketView untouched = open(survivor, group, "Invoice copy");

		transaction.executeWithoutResult(
				status -> events.publishEvent(new ContactsMerged(duplicate.id(), survivor.id(), supervisor.id())));
		reactions.settle();

		var me = (app.rapport.identity.CurrentUser) accounts.loadUserByUsername(supervisor.email());
		assertThat(tickets.get(first.id(), me).requester().id()).isEqualTo(survivor.id());
		assertThat(tickets.get(second.id(), me).requester().id()).isEqualTo(survivor.id());
		assertThat(tickets.get(untouched.id(), me).requester().id()).isEqualTo(survivor.id());
		assertThat(audit.history(AuditTrail.TICKET, first.id(), PageRequest.of(0, 20)).getContent())
			.anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("requester");
				assertThat(e.oldValue()).isEqualTo(String.valueOf(duplicate.id()));
				assertThat(e.newValue()).isEqualTo(String.valueOf(survivor.id()));
				assertThat(e.actorUserId()).isEqualTo(supervisor.id());
			});
	}

	@Test
	void movesNothingWhenTheMergeRollsBack() {
		GroupSummary group = fixtures.group(AssignmentMode.MANUAL);
		UserSummary supervisor = fixtures.user(Role.SUPERVISOR);
		ContactSummary duplicate = fixtures.customer("bg");
		ContactSummary survivor = fixtures.customer("bg");
		TicketView ticket = open(duplicate, group, "Рекламация");

		transaction.executeWithoutResult(status -> {
			events.publishEvent(new ContactsMerged(duplicate.id(), survivor.id(), supervisor.id()));
			status.setRollbackOnly();
		});
		reactions.settle();

		var me = (app.rapport.identity.CurrentUser) accounts.loadUserByUsername(supervisor.email());
		assertThat(tickets.get(ticket.id(), me).requester().id()).isEqualTo(duplicate.id());
	}

	private TicketView open(ContactSummary requester, GroupSummary group, String subject) {
		return tickets.open(new NewTicket(subject, "Details follow.", false, null, null, requester.id(), null, null,
				group.id(), null, List.of(), Map.of()), null);
	}

}
