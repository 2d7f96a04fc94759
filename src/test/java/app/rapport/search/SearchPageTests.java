package app.rapport.search;

import java.time.Clock;

import app.rapport.customer.Contact;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.TestUsers;
import app.rapport.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /search page: grouped results with counts and links, visibility, empty and error states. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SearchPageTests {

	@Autowired
	app.rapport.support.Reactions reactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@PersistenceContext
	EntityManager em;

	@Test
	void showsAnAgentTheTicketsOfTheirGroupsAndMatchingCustomersWithLinks() throws Exception {
		SearchTestData data = new SearchTestData(em, tx, clock);
		String m = SearchTestData.marker();
		GroupSummary group = testUsers.group(AssignmentMode.MANUAL);
		GroupSummary otherGroup = testUsers.group(AssignmentMode.MANUAL);
		UserSummary agent = testUsers.agentIn(group);
		var org = data.organization("客户投诉中心 " + m, null);
		Contact contact = data.contact("投诉人 " + m, m + "@example.cn", org.getId());
		Ticket mine = data.ticket("客户投诉处理延迟 " + m, contact.getId(), group.id(), null);
		Ticket hidden = data.ticket("另一个投诉 " + m, contact.getId(), otherGroup.id(), null);

		reactions.settle();
		mvc.perform(get("/search").param("q", "投訴 " + m).with(user(userDetails.loadUserByUsername(agent.email()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/tickets/" + mine.getId() + "\"")))
			.andExpect(content().string(not(containsString("/tickets/" + hidden.getId() + "\""))))
			.andExpect(content().string(containsString("href=\"/contacts/" + contact.getId() + "\"")))
			.andExpect(content().string(containsString("href=\"/organizations/" + org.getId() + "\"")))
			.andExpect(content().string(containsString("#" + mine.getId() + " 客户投诉处理延迟 " + m)));
	}

	@Test
	void showsAHintBeforeAnythingIsTypedAndSaysSoWhenNothingMatches() throws Exception {
		var agent = user(userDetails.loadUserByUsername(testUsers.user(Role.AGENT).email()));
		mvc.perform(get("/search").with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Type a word, a customer")));
		reactions.settle();
		mvc.perform(get("/search").param("q", SearchTestData.marker()).with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing matches")));
		reactions.settle();
		mvc.perform(get("/search").param("q", "x".repeat(201)).with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at most 200 characters")));
	}

	@Test
	void speaksTheUsersLanguage() throws Exception {
		var agent = user(userDetails.loadUserByUsername(testUsers.user(Role.AGENT).email()));
		reactions.settle();
		mvc.perform(get("/search").param("q", SearchTestData.marker()).header("Accept-Language", "bg").with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Няма резултати")));
		mvc.perform(get("/search").header("Accept-Language", "zh-TW").with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("請輸入關鍵字")));
	}

	@Test
	void sendsSomeoneWhoIsNotSignedInToTheSignInPage() throws Exception {
		reactions.settle();
		mvc.perform(get("/search").param("q", "x")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

}
