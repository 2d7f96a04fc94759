package app.rapport.ticket;

import java.util.UUID;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserSummary;
import app.rapport.support.Browser;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent's day in headless Chromium: a new customer, their complaint, a reply, a state change, search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgentWorkflowBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	app.rapport.support.Reactions reactions;

	@Autowired
	TestUsers testUsers;

	@Test
	void agentCreatesContactAndTicketRepliesChangesStateFindsItInChineseAndSwitchesToBulgarian() {
		GroupSummary group = testUsers.group(AssignmentMode.MANUAL);
		UserSummary agent = testUsers.agentIn(group);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "wang.xiaoming." + unique + "@example.cn";

		try (Browser browser = Browser.open(port, "en")) {
			browser.signIn(agent.email(), TestUsers.PASSWORD);

			browser.go("/contacts/new");
			browser.type(By.id("name"), "王小明 " + unique);
			browser.type(By.id("emails"), email);
			new Select(browser.find(By.id("language"))).selectByValue("zh-CN");
			browser.click(By.cssSelector("main form[method=post] button[type=submit]"));
			browser.waitFor(By.tagName("h1"), "王小明 " + unique);
			assertThat(browser.currentPath()).matches("/contacts/\\d+");

			browser.go("/tickets/new");
			browser.type(By.id("requesterEmail"), email);
			browser.type(By.id("subject"), "客户投诉处理延迟 " + unique);
			browser.type(By.id("body"), "我上周提交的维修申请到现在还没有人联系我，请尽快处理。");
			new Select(browser.find(By.id("type"))).selectByValue("COMPLAINT");
			new Select(browser.find(By.id("groupId"))).selectByVisibleText(group.name());
			browser.click(By.cssSelector("main form[method=post] button[type=submit]"));
			browser.waitFor(By.tagName("h1"), unique);
			String ticketPath = browser.currentPath();
			assertThat(ticketPath).matches("/tickets/\\d+");

			browser.type(By.id("replyBody"), "王先生您好，非常抱歉让您久等了。我是负责此事的客服，今天会安排工程师与您联系。");
			browser.click(By.cssSelector("form:has(#replyBody) button[type=submit]"));
			browser.waitFor(By.tagName("main"), "今天会安排工程师与您联系");

			new Select(browser.find(By.id("p-state"))).selectByValue("PENDING_CUSTOMER");
			browser.click(By.cssSelector("form:has(#p-state) button[type=submit]"));
			browser.waitFor(By.cssSelector(".ticket-state"), "Pending");

			reactions.settle();
			browser.go("/search?q=投诉");
			browser.find(By.cssSelector("a[href='" + ticketPath + "']"));

			new Select(browser.find(By.name("language"))).selectByValue("bg");
			browser.waitFor(By.id("mainNav"), "Изход");
			assertThat(browser.pageText()).contains("Контакти");
		}
	}

}
