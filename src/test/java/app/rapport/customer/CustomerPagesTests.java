package app.rapport.customer;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	CustomerService customers;

	MockHttpSession signIn(Role role, String language) throws Exception {
		UserSummary user = testUsers.user(role, language);
		MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(user.email()).password(TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	static String unique(String local) {
		return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	@Test
	void showsValidationMessagesInTheUsersLanguageAndKeepsTheInput() throws Exception {
		MockHttpSession session = signIn(Role.AGENT, "bg");
		String html = mvc.perform(post("/contacts").session(session).with(csrf())
				.param("name", "").param("emails", "ivan-at-example").param("language", "bg").param("lifecycleStage", "CUSTOMER"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Полето е задължително.").contains("Това не е валиден имейл адрес.")
			.contains("ivan-at-example");

		MockHttpSession chinese = signIn(Role.AGENT, "zh-CN");
		String zh = mvc.perform(post("/contacts").session(chinese).with(csrf()).param("name", "张伟").param("phones", "call me"))
			.andReturn().getResponse().getContentAsString();
		assertThat(zh).contains("这不是有效的电话号码");
	}

	@Test
	void createsAContactAndShowsItsProfileTimelineAndHistory() throws Exception {
		MockHttpSession session = signIn(Role.AGENT, "en");
		String email = unique("chen.meiling");
		MvcResult created = mvc.perform(post("/contacts").session(session).with(csrf())
				.param("name", "陳美玲").param("emails", email).param("language", "zh-TW").param("lifecycleStage", "PROSPECT")
				.param("valuesMost", "Quick answers in Traditional Chinese").param("tags", "vip, 售後服務"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/contacts/\\d+");

		mvc.perform(post(location + "/interactions").session(session).with(csrf())
				.param("kind", "CALL").param("summary", "Called about the delayed delivery").param("durationMinutes", "15"))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get(location).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("陳美玲").contains("Quick answers in Traditional Chinese").contains("售後服務")
			.contains("Called about the delayed delivery").contains("Prospect").contains("Change history");

		String badLog = mvc.perform(post(location + "/interactions").session(session).with(csrf())
				.param("kind", "CALL").param("summary", "").param("durationMinutes", "9999"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(badLog).contains("This field is required.").contains("Enter between 1 and 1440 minutes.");
	}

	@Test
	void refusesADuplicateWithALinkToTheExistingContact() throws Exception {
		String email = unique("li.na");
		ContactView existing = customers.createContact(ContactDetails.of("李娜", email), null);
		MockHttpSession session = signIn(Role.AGENT, "en");
		String html = mvc.perform(post("/contacts").session(session).with(csrf()).param("name", "Li Na").param("emails", email.toUpperCase()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("href=\"/contacts/" + existing.id() + "\"").contains("李娜");
	}

	@Test
	void requiresCsrfAndWriteScopeForForms() throws Exception {
		MockHttpSession agent = signIn(Role.AGENT, "en");
		mvc.perform(post("/contacts").session(agent).param("name", "No token")).andExpect(status().isForbidden());
		mvc.perform(post("/organizations").session(agent).param("name", "No token")).andExpect(status().isForbidden());
		mvc.perform(post("/contacts/import").session(agent)).andExpect(status().isForbidden());

		MockHttpSession analyst = signIn(Role.ANALYST, "en");
		mvc.perform(get("/contacts").session(analyst)).andExpect(status().isOk());
		mvc.perform(post("/contacts").session(analyst).with(csrf()).param("name", "Analyst")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/customer-attributes").session(agent)).andExpect(status().isForbidden());
		mvc.perform(get("/contacts")).andExpect(status().is3xxRedirection());
	}

	@Test
	void importShowsADryRunReportAndWritesTheValidRowsOnlyWhenConfirmed() throws Exception {
		MockHttpSession session = signIn(Role.AGENT, "en");
		String good = unique("wang"), bad = "not-an-address";
		String csv = "name,email,language\n王小明," + good + ",zh-CN\n李娜," + bad + ",zh-CN\n";
		MockMultipartFile file = new MockMultipartFile("file", "contacts.csv", "text/csv", csv.getBytes(Charset.forName("GB18030")));
		String report = mvc.perform(multipart("/contacts/import").file(file).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(report).contains("GB18030").contains("This is not a valid e-mail address.").contains("Import the 1 valid rows");
		assertThat(customers.contacts(new ContactFilter(good, null, null, null, null), org.springframework.data.domain.PageRequest.of(0, 5))
			.getTotalElements()).isZero();

		String token = report.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		String jobPage = mvc.perform(post("/contacts/import/confirm").session(session).with(csrf()).param("token", token))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(jobPage).startsWith("/contacts/import/jobs/");
		String page = mvc.perform(get(jobPage).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"importJob\"");
		String done = finishedProgress(session, jobPage + "/progress");
		assertThat(done).contains("1 rows were imported.").doesNotContain("hx-trigger");
		// The confirmation is used up: sending it again starts nothing.
		assertThat(mvc.perform(post("/contacts/import/confirm").session(session).with(csrf()).param("token", token))
			.andReturn().getResponse().getContentAsString()).contains("This check has expired.");
		// Nobody else sees the import, not even at the organizations' address.
		MockHttpSession other = signIn(Role.AGENT, "en");
		mvc.perform(get(jobPage).session(other)).andExpect(status().isNotFound());
		mvc.perform(get(jobPage.replace("/contacts/", "/organizations/")).session(session)).andExpect(status().isNotFound());
		assertThat(customers.contacts(new ContactFilter(good, null, null, null, null), org.springframework.data.domain.PageRequest.of(0, 5))
			.getContent()).extracting(ContactView::name).containsExactly("王小明");
	}

	/** Polls the import's progress fragment, as the page's htmx does, until it shows the report. */
	String finishedProgress(MockHttpSession session, String url) throws Exception {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			String fragment = mvc.perform(get(url).session(session).header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			if (!fragment.contains("hx-trigger=\"every 1s\"")) {
				return fragment;
			}
			assertThat(fragment).contains("<progress");
			assertThat(System.nanoTime()).as("import still running after two minutes").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void adminsDefineAttributesThatAppearOnTheContactForm() throws Exception {
		MockHttpSession admin = signIn(Role.ADMIN, "en");
		String key = "since_" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
		mvc.perform(post("/admin/customer-attributes").session(admin).with(csrf())
				.param("target", "CONTACT").param("key", key).param("label", "Customer since").param("type", "DATE"))
			.andExpect(status().is3xxRedirection());
		String bad = mvc.perform(post("/admin/customer-attributes").session(admin).with(csrf())
				.param("target", "CONTACT").param("key", "Bad Key").param("label", "").param("type", "CHOICE"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(bad).contains("Use a lower-case letter first");
		assertThat(mvc.perform(get("/admin/customer-attributes").session(admin)).andReturn().getResponse().getContentAsString())
			.contains(key);

		String form = mvc.perform(get("/contacts/new").session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("attributes[" + key + "]").contains("Customer since");
		String invalid = mvc.perform(post("/contacts").session(admin).with(csrf()).param("name", "Dated")
				.param("attributes[" + key + "]", "yesterday"))
			.andReturn().getResponse().getContentAsString();
		assertThat(invalid).contains("This is not a valid date.");
	}

	@Test
	void listsAndExportsOrganizationsWithTheirPages() throws Exception {
		MockHttpSession session = signIn(Role.SUPERVISOR, "zh-TW");
		String name = "台北精密 " + UUID.randomUUID().toString().substring(0, 6);
		MvcResult created = mvc.perform(post("/organizations").session(session).with(csrf()).param("name", name)
				.param("kind", "COMPANY").param("lifecycleStage", "CUSTOMER").param("language", "zh-TW"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String page = mvc.perform(get(created.getResponse().getRedirectedUrl()).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(name).contains("時間軸");
		String duplicate = mvc.perform(post("/organizations").session(session).with(csrf()).param("name", name))
			.andReturn().getResponse().getContentAsString();
		assertThat(duplicate).contains("同名公司已存在");
		String list = mvc.perform(get("/organizations").param("q", name).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains(name).contains("共 1 家公司");
		MvcResult export = mvc.perform(get("/organizations/export").param("format", "csv").param("q", name).session(session))
			.andExpect(status().isOk()).andReturn();
		assertThat(export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("名稱").contains(name);
	}

}
