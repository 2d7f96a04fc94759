package app.rapport.identity;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void showsTheSignInPageInTheBrowsersLanguageAndSwitchesToBulgarianAfterSignIn() {
		UserSummary agent = testUsers.user(Role.AGENT);
		try (Browser browser = Browser.open(port, "zh-TW")) {
			browser.go("/login");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登入");

			browser.signIn(agent.email(), TestUsers.PASSWORD);
			browser.go("/profile");
			browser.find(By.id("languageSwitch"));
			// The user's saved language (en) wins over the browser's once signed in.
			assertThat(browser.pageText()).contains("Sign out");

			new Select(browser.find(By.name("language"))).selectByValue("bg");
			browser.waitFor(By.id("mainNav"), "Изход");
			assertThat(browser.pageText()).contains("Контакти", "Изход");
		}
	}

}
