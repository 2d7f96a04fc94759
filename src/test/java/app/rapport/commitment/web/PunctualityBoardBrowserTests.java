package app.rapport.commitment.web;

import app.rapport.commitment.CommitmentTestData;
import app.rapport.commitment.PlanView;
import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Browser;
import app.rapport.support.TestUsers;
import app.rapport.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The punctuality board in headless Chromium: a breach appears in red without reloading the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PunctualityBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	CommitmentTestData data;

	@Test
	void aBreachAppearsInRedOnTheOpenBoardWithoutAReload() {
		GroupSummary group = users.group(AssignmentMode.ROUND_ROBIN);
		users.agentIn(group);
		PlanView plan = data.roundTheClockPlan(1);
		TicketView ticket = data.ticketOnPlan(plan.id(), group.id(), "Board breach " + plan.id());
		UserSummary supervisor = users.user(Role.SUPERVISOR);
		By breachedRow = By.cssSelector("tr.board-breached[data-ticket-id='" + ticket.id() + "']");

		try (Browser browser = Browser.open(port, "en")) {
			browser.signIn(supervisor.email(), TestUsers.PASSWORD);
			browser.go("/commitments/board");
			browser.find(By.cssSelector("tr.board-row[data-ticket-id='" + ticket.id() + "'][data-state='running']"));

			// Choosing a plan narrows the table in place and puts the filter into the address.
			new Select(browser.find(By.id("b-plan"))).selectByValue(String.valueOf(plan.id()));
			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
				.until(d -> browser.currentPath().contains("planId=" + plan.id()));
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			js.executeScript("window.rapportBoardNotReloaded = true;");
			assertThat(browser.driver().findElements(breachedRow)).isEmpty();

			data.moveDueIntoThePast(ticket.id());

			long start = System.nanoTime();
			WebElement row = browser.find(breachedRow);
			long seconds = (System.nanoTime() - start) / 1_000_000_000L;
			assertThat(seconds).isLessThanOrEqualTo(12);
			assertThat(row.getAttribute("class")).contains("table-danger");
			assertThat(row.getText()).contains("overdue", "Breached");
			assertThat(js.executeScript("return window.rapportBoardNotReloaded === true;")).isEqualTo(true);
			assertThat(Long.parseLong(browser.find(By.id("count-breached")).getText())).isGreaterThanOrEqualTo(1);

			// The wall screen: no navigation bar, dark, same rows.
			browser.go("/commitments/board?planId=" + plan.id() + "&wall=true");
			browser.find(breachedRow);
			assertThat(browser.driver().findElement(By.cssSelector("nav.navbar")).isDisplayed()).isFalse();
			assertThat(browser.driver().findElement(By.tagName("main")).getAttribute("data-bs-theme")).isEqualTo("dark");

			// The ticket page shows the same breach in its clocks card.
			browser.go("/tickets/" + ticket.id());
			browser.find(By.cssSelector("#ticketClocks [data-commitment='first_response'][data-state='breached']"));
		}
	}

}
