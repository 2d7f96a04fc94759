package app.rapport.ticket;

import java.util.List;
import java.util.Map;

import app.rapport.customer.ContactSummary;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ticket pages through the web layer: forms, CSRF, validation messages, visibility. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TicketWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketFixtures fixtures;

	@Autowired
	TicketService tickets;

	@Autowired
	UserDetailsService accounts;

	GroupSummary group;

	UserSummary agent;

	TicketView ticket;

	@BeforeEach
	void setUp() {
		group = fixtures.group(AssignmentMode.ROUND_ROBIN);
		agent = fixtures.agentIn(group);
		ContactSummary customer = fixtures.customer("zh-CN");
		ticket = tickets.open(new NewTicket("打印机卡纸", "<p>打印机<b>卡纸</b><script>alert(1)</script></p>", true,
				TicketType.INCIDENT, Priority.HIGH, customer.id(), null, null, group.id(), null, List.of("printer"),
				Map.of()), null);
	}

	RequestPostProcessor as(UserSummary who) {
		UserDetails details = accounts.loadUserByUsername(who.email());
		return user(details);
	}

	@Test
	void showsTheConversationWithSanitizedHtmlAndTheResponsiblePerson() throws Exception {
		String page = mvc.perform(get("/tickets/" + ticket.id()).with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("打印机卡纸", "<b>卡纸</b>", agent.displayName()).doesNotContain("alert(1)");
		assertThat(ticket.owner().id()).isEqualTo(agent.id());
	}

	@Test
	void refusesTheReplyFormWithoutCsrfToken() throws Exception {
		mvc.perform(post("/tickets/" + ticket.id() + "/messages").param("body", "Hello").with(as(agent)))
			.andExpect(status().isForbidden());
		assertThat(messageCount()).isEqualTo(1);
	}

	@Test
	void showsAValidationMessageForAnEmptyReplyAndAddsNothing() throws Exception {
		mvc.perform(multipart("/tickets/" + ticket.id() + "/messages").param("body", "  ")
			.param("kind", "PUBLIC_REPLY")
			.with(csrf())
			.with(as(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Write a message.")));
		assertThat(messageCount()).isEqualTo(1);
	}

	@Test
	void addsAnInternalNoteThatIsShownAsSuch() throws Exception {
		mvc.perform(multipart("/tickets/" + ticket.id() + "/messages").param("body", "Call the vendor")
			.param("kind", "INTERNAL_NOTE")
			.with(csrf())
			.with(as(agent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/tickets/" + ticket.id() + "#message-*"));
		String page = mvc.perform(get("/tickets/" + ticket.id()).with(as(agent)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("ticket-message-INTERNAL_NOTE", "Call the vendor");
		assertThat(tickets.get(ticket.id(), current(agent)).state()).isEqualTo(TicketState.NEW);
	}

	@Test
	void changesTheStateFromTheTicketPageAndRefusesAStaleForm() throws Exception {
		mvc.perform(post("/tickets/" + ticket.id() + "/changes").param("version", String.valueOf(ticket.version()))
			.param("state", "OPEN")
			.param("priority", "HIGH")
			.param("type", "INCIDENT")
			.param("ownerId", String.valueOf(agent.id()))
			.param("groupId", String.valueOf(group.id()))
			.param("tags", "printer, 紧急")
			.with(csrf())
			.with(as(agent))).andExpect(status().is3xxRedirection());
		TicketView changed = tickets.get(ticket.id(), current(agent));
		assertThat(changed.state()).isEqualTo(TicketState.OPEN);
		assertThat(changed.tags()).containsExactly("printer", "紧急");

		mvc.perform(post("/tickets/" + ticket.id() + "/changes").param("version", String.valueOf(ticket.version()))
			.param("state", "SOLVED")
			.with(csrf())
			.with(as(agent)))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else changed this ticket")));
		assertThat(tickets.get(ticket.id(), current(agent)).state()).isEqualTo(TicketState.OPEN);
	}

	@Test
	void listsTheAgentsQueuesWithCounts() throws Exception {
		String page = mvc.perform(get("/tickets").param("queue", "mine").with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("打印机卡纸", "My open tickets").doesNotContain("All tickets");
	}

	@Test
	void answersAFilterChangeFromHtmxWithTheListFragmentOnly() throws Exception {
		String fragment = mvc.perform(get("/tickets").param("queue", "groups")
			.param("priority", "HIGH")
			.header("HX-Request", "true")
			.with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("id=\"ticket-list\"", "打印机卡纸").doesNotContain("<nav class=\"navbar");
		String none = mvc.perform(get("/tickets").param("queue", "groups")
			.param("priority", "LOW")
			.header("HX-Request", "true")
			.with(as(agent))).andReturn().getResponse().getContentAsString();
		assertThat(none).doesNotContain("打印机卡纸");
	}

	@Test
	void hidesTheTicketFromAnAgentOutsideItsGroup() throws Exception {
		UserSummary outsider = fixtures.agentIn(fixtures.group(AssignmentMode.MANUAL));
		mvc.perform(get("/tickets/" + ticket.id()).with(as(outsider))).andExpect(status().isNotFound());
		String queue = mvc.perform(get("/tickets").param("queue", "groups").with(as(outsider)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queue).doesNotContain("打印机卡纸");
	}

	@Test
	void opensATicketForANewRequesterFromTheForm() throws Exception {
		String email = TicketFixtures.uniqueEmail();
		mvc.perform(post("/tickets").param("requesterEmail", email)
			.param("requesterName", "Мария Иванова")
			.param("subject", "Оплакване за фактура")
			.param("body", "Фактурата е грешна.")
			.param("type", "COMPLAINT")
			.param("priority", "NORMAL")
			.param("groupId", String.valueOf(group.id()))
			.param("channel", "PHONE")
			.param("tags", "")
			.with(csrf())
			.with(as(agent))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/tickets/*"));

		mvc.perform(post("/tickets").param("requesterEmail", "not-an-address")
			.param("subject", "")
			.param("body", "x")
			.with(csrf())
			.with(as(agent)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a subject")));
	}

	@Test
	void refusesWritesToAnAnalystAndTheFieldsAdminToNonAdmins() throws Exception {
		UserSummary analyst = fixtures.user(Role.ANALYST);
		mvc.perform(multipart("/tickets/" + ticket.id() + "/messages").param("body", "x").with(csrf()).with(as(analyst)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/ticket-fields").with(as(agent))).andExpect(status().isForbidden());
		UserSummary admin = fixtures.user(Role.ADMIN);
		mvc.perform(get("/admin/ticket-fields").with(as(admin))).andExpect(status().isOk());
	}

	@Test
	void sendsTheAgentBackWithAFormErrorWhenAnAttachmentIsTooLarge() throws Exception {
		MockMultipartFile big = new MockMultipartFile("files", "big.bin", "application/octet-stream",
				new byte[10 * 1024 * 1024 + 1]);
		mvc.perform(multipart("/tickets/" + ticket.id() + "/messages").file(big)
			.param("body", "See the file")
			.with(csrf())
			.with(as(agent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tickets/" + ticket.id() + "?uploadTooLarge"));
		mvc.perform(get("/tickets/" + ticket.id()).param("uploadTooLarge", "").with(as(agent)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The file is too large to attach.")));
		assertThat(messageCount()).isEqualTo(1);
	}

	private long messageCount() {
		return tickets.messages(ticket.id(), PageRequest.of(0, 50), current(agent)).getTotalElements();
	}

	private app.rapport.identity.CurrentUser current(UserSummary who) {
		return (app.rapport.identity.CurrentUser) accounts.loadUserByUsername(who.email());
	}


	@Test
	void exportsTheAgentsQueueAsCsvWithLocalizedHeadersAndOnlyVisibleTickets() throws Exception {
		GroupSummary otherGroup = fixtures.group(AssignmentMode.MANUAL);
		ContactSummary customer = fixtures.customer("bg");
		tickets.open(new NewTicket("Чужда заявка", "Не е за тази група", false, TicketType.QUESTION, Priority.LOW,
				customer.id(), null, null, otherGroup.id(), null, List.of(), Map.of()), null);

		var response = mvc.perform(get("/tickets/export").param("format", "csv")
			.param("queue", "groups")
			.header("Accept-Language", "zh-CN")
			.locale(java.util.Locale.SIMPLIFIED_CHINESE)
			.with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		String csv = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("编号", "主题", "打印机卡纸").doesNotContain("Чужда заявка");

		String queuePage = mvc.perform(get("/tickets").param("queue", "groups").with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queuePage).contains("/tickets/export?queue=groups&amp;format=xlsx");
	}

	@Test
	void refusesAnUnknownExportFormat() throws Exception {
		mvc.perform(get("/tickets/export").param("format", "pdf").with(as(agent))).andExpect(status().isBadRequest());
	}

}
