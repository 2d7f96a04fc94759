package app.rapport.ticket;

import java.util.Set;
import java.util.UUID;

import app.rapport.customer.ContactSummary;
import app.rapport.customer.CustomerDirectory;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserSummary;
import app.rapport.support.TestUsers;

import org.springframework.stereotype.Component;

/** Groups with agents, and customers, for ticket tests; every name is unique so test classes stay independent. */
@Component
class TicketFixtures {

	private final TestUsers users;

	private final UserAdministration administration;

	private final CustomerDirectory customers;

	TicketFixtures(TestUsers users, UserAdministration administration, CustomerDirectory customers) {
		this.users = users;
		this.administration = administration;
		this.customers = customers;
	}

	GroupSummary group(AssignmentMode mode) {
		return users.group(mode);
	}

	UserSummary agentIn(GroupSummary group, String... spokenLanguages) {
		UserSummary agent = users.agentIn(group);
		if (spokenLanguages.length > 0) {
			administration.updateUser(agent.id(), agent.displayName(), Role.AGENT, true, Set.of(spokenLanguages));
		}
		return agent;
	}

	UserSummary user(Role role) {
		return users.user(role);
	}

	String token(UserSummary user, String... scopes) {
		return users.token(user, scopes);
	}

	ContactSummary customer(String language) {
		return customers.findOrCreateByEmail(uniqueEmail(), "Customer " + language, language);
	}

	static String uniqueEmail() {
		return "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

}
