package app.rapport.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The bell in the navbar and the notifications page, in the user's language and time zone. */
@RapportIntegrationTest
@Import(NotificationTestSetup.class)
class NotificationPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserAdministration administration;

	Notice breached(int ticket) {
		return new Notice("commitment.breached", "test.notice.breached",
				List.of("#" + ticket, "msg:test.notice.kind.first_response"), "/tickets/" + ticket);
	}

	WebSession signedIn(UserSummary user) {
		WebSession browser = WebSession.at(port);
		assertThat(browser.signIn(user.email(), TestUsers.PASSWORD).location()).endsWith("/");
		return browser;
	}

	List<NotificationView> of(UserSummary user) {
		return notifications.list(testUsers.current(user), false, PageRequest.of(0, 50)).getContent();
	}

	@Test
	void showsTheUnreadCountAndTheNoticesInTheUsersLanguageAndTimeZone() {
		UserSummary agent = testUsers.user(Role.AGENT, "zh-CN");
		administration.updatePreferences(agent.id(), "zh-CN", "Asia/Shanghai");
		notifications.notify(List.of(agent.id()), breached(7));
		notifications.notify(List.of(agent.id()), breached(8));
		WebSession browser = signedIn(agent);

		String page = browser.get("/notifications").body();

		assertThat(page).contains("<title>通知 · Rapport</title>", "id=\"unreadNotifications\">2</span>",
				"工单 #8 未在首次响应时限内完成", "工单 #7 未在首次响应时限内完成", "notification-unread", "全部标为已读");
		assertThat(page.indexOf("#8")).as("newest first").isLessThan(page.indexOf("#7"));
		Instant created = of(agent).get(0).createdAt();
		String shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag("zh-CN"))
			.withZone(ZoneId.of("Asia/Shanghai"))
			.format(created);
		assertThat(page).contains(">" + shown + "</time>");
		assertThat(browser.get("/profile").body()).contains("id=\"unreadNotifications\">2</span>");
	}

	@Test
	void openingANoticeMarksItReadAndGoesToItsLink() {
		UserSummary agent = testUsers.user(Role.AGENT, "bg");
		notifications.notify(List.of(agent.id()), breached(7));
		notifications.notify(List.of(agent.id()), breached(8));
		long seven = of(agent).get(1).id();
		WebSession browser = signedIn(agent);
		browser.get("/notifications");

		WebSession.Page opened = browser.post("/notifications/" + seven + "/read", Map.of());

		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.location()).endsWith("/tickets/7");
		assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
		String page = browser.get("/notifications").body();
		assertThat(page).contains("id=\"unreadNotifications\">1</span>", "href=\"/tickets/7\"",
				"Запитване #7 пропусна срока за първи отговор");
		assertThat(browser.get("/notifications?unread=true").body()).contains("#8").doesNotContain("#7");
	}

	@Test
	void marksAllReadAndTheBellLosesItsCount() {
		UserSummary agent = testUsers.user(Role.AGENT);
		notifications.notify(List.of(agent.id()), breached(1));
		notifications.notify(List.of(agent.id()), breached(2));
		WebSession browser = signedIn(agent);
		browser.get("/notifications");

		WebSession.Page done = browser.post("/notifications/read-all", Map.of());

		assertThat(done.location()).endsWith("/notifications");
		String page = browser.get("/notifications").body();
		assertThat(page).contains("Marked as read: 2.", "Ticket #2 missed its first response target")
			.doesNotContain("id=\"unreadNotifications\"")
			.doesNotContain("notification-unread");
		assertThat(browser.get("/notifications?unread=true").body()).contains("You have no unread notifications.");
	}

	@Test
	void anotherUsersNoticeIsNotFoundAndStaysUnread() {
		UserSummary owner = testUsers.user(Role.AGENT);
		notifications.notify(List.of(owner.id()), breached(1));
		long id = of(owner).get(0).id();
		WebSession stranger = signedIn(testUsers.user(Role.ADMIN));
		stranger.get("/notifications");

		assertThat(stranger.post("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.get("/notifications").body()).doesNotContain("#1 missed");
		assertThat(notifications.unreadCount(owner.id())).isEqualTo(1);
	}

	@Test
	void refusesAFormWithoutCsrfAndSendsVisitorsToSignIn() {
		UserSummary agent = testUsers.user(Role.AGENT);
		notifications.notify(List.of(agent.id()), breached(1));
		WebSession browser = signedIn(agent);

		assertThat(browser.postWithoutCsrf("/notifications/read-all", Map.of()).status()).isEqualTo(403);
		assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
		WebSession visitor = WebSession.at(port);
		assertThat(visitor.get("/notifications").location()).endsWith("/login");
		assertThat(visitor.get("/login").status()).isEqualTo(200);
	}

	@Test
	void apiResponsesCarryNoLayoutModel() {
		UserSummary agent = testUsers.user(Role.AGENT);
		Api.Response users = Api.at(port).withToken(testUsers.token(agent, "read")).get("/api/v1/groups");

		assertThat(users.status()).isEqualTo(200);
		assertThat(users.body()).doesNotContain("unreadNotifications");
	}

}
