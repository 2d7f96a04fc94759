package app.rapport.notification;

import java.util.List;
import java.util.Set;

import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserSummary;
import app.rapport.notification.NotificationTestSetup.RecordingMail;
import app.rapport.shared.NotFoundException;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notices are stored with the caller's transaction and mailed, in each recipient's language, only after it
 * commits, by a reaction that is retried until the mail leaves.
 */
@RapportIntegrationTest
@Import(NotificationTestSetup.class)
class NotificationsIntegrationTests {

	static final Notice BREACHED = new Notice("commitment.breached", "test.notice.breached",
			List.of("#42", "msg:test.notice.kind.first_response"), "/tickets/42");

	@Autowired
	Notifications notifications;

	@Autowired
	TestUsers testUsers;

	@Autowired
	UserAdministration administration;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	RecordingMail mail;

	@Autowired
	app.rapport.support.Reactions reactions;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void storesTheNoticeOncePerUserAndMailsEachInTheirLanguageAfterCommit() {
		UserSummary bulgarian = testUsers.user(Role.AGENT, "bg");
		UserSummary chinese = testUsers.user(Role.SUPERVISOR, "zh-CN");

		tx.executeWithoutResult(status -> {
			notifications.notify(List.of(bulgarian.id(), chinese.id(), bulgarian.id()), BREACHED);
			assertThat(mail.to(bulgarian.email())).as("no mail before the commit").isEmpty();
		});
		reactions.settle();

		assertThat(notifications.unreadCount(bulgarian.id())).isEqualTo(1);
		assertThat(notifications.unreadCount(chinese.id())).isEqualTo(1);
		assertThat(mail.to(bulgarian.email())).singleElement().satisfies(m -> {
			assertThat(m.subject()).isEqualTo("Rapport — известие: Запитване #42 пропусна срока за първи отговор");
			assertThat(m.textBody()).startsWith("Здравейте, " + bulgarian.displayName() + "!")
				.contains("Запитване #42 пропусна срока за първи отговор", "http://localhost:8080/tickets/42");
		});
		assertThat(mail.to(chinese.email())).singleElement().satisfies(m -> {
			assertThat(m.subject()).isEqualTo("Rapport 通知：工单 #42 未在首次响应时限内完成");
			assertThat(m.textBody()).contains("在 Rapport 中查看：http://localhost:8080/tickets/42");
		});
	}

	@Test
	void showsTheStoredNoticeInTheRecipientsLanguage() {
		UserSummary taiwanese = testUsers.user(Role.AGENT, "zh-TW");

		notifications.notify(List.of(taiwanese.id()), BREACHED);

		assertThat(notifications.list(testUsers.current(taiwanese), false, PageRequest.of(0, 10))).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("工單 #42 未在首次回應時限內完成");
			assertThat(n.kind()).isEqualTo("commitment.breached");
			assertThat(n.args()).containsExactly("#42", "msg:test.notice.kind.first_response");
			assertThat(n.link()).isEqualTo("/tickets/42");
			assertThat(n.unread()).isTrue();
		});
	}

	@Test
	void aRolledBackTransactionStoresNothingAndSendsNoMail() {
		UserSummary agent = testUsers.user(Role.AGENT);

		tx.executeWithoutResult(status -> {
			notifications.notify(List.of(agent.id()), BREACHED);
			status.setRollbackOnly();
		});

		assertThat(notifications.unreadCount(agent.id())).isZero();
		assertThat(notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10))).isEmpty();
		assertThat(mail.to(agent.email())).isEmpty();
	}

	@Test
	void anInactiveUserSeesTheNoticeButGetsNoMail() {
		UserSummary gone = testUsers.user(Role.AGENT);
		administration.updateUser(gone.id(), gone.displayName(), gone.role(), false, Set.of());
		UserSummary present = testUsers.user(Role.AGENT);

		notifications.notify(List.of(gone.id(), present.id()), BREACHED);
		reactions.settle();

		assertThat(notifications.unreadCount(gone.id())).isEqualTo(1);
		assertThat(mail.to(gone.email())).isEmpty();
		assertThat(mail.to(present.email())).hasSize(1);
	}

	@Test
	void aFailingMailNeitherFailsTheCallerNorStopsTheOtherMailsAndIsRetriedUntilItLeavesOnce() {
		UserSummary unreachable = testUsers.user(Role.AGENT);
		UserSummary reachable = testUsers.user(Role.AGENT);
		mail.failFor(unreachable.email());

		tx.executeWithoutResult(status -> notifications.notify(List.of(unreachable.id(), reachable.id()), BREACHED));
		reactions.settle();

		assertThat(notifications.unreadCount(unreachable.id())).isEqualTo(1);
		assertThat(mail.to(reachable.email())).hasSize(1);
		assertThat(mail.to(unreachable.email())).isEmpty();
		assertThat(reactions.failed()).as("the failed mail waits for its retry").isPositive();

		mail.recover(unreachable.email());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
			.until(() -> mail.to(unreachable.email()).size() == 1);
		reactions.settle();
		assertThat(mail.to(unreachable.email())).hasSize(1);
		assertThat(mail.to(reachable.email())).as("the mail that left is not sent again").hasSize(1);
	}

	@Test
	void aNoticeAboutTheSameThingIsStoredAndMailedOncePerUser() {
		UserSummary agent = testUsers.user(Role.AGENT);
		String about = "breach:" + System.nanoTime();

		notifications.notify(List.of(agent.id()), BREACHED, about);
		notifications.notify(List.of(agent.id()), BREACHED, about);
		reactions.settle();

		assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
		assertThat(mail.to(agent.email())).hasSize(1);
	}

	@Test
	void skipsUnknownUsers() {
		UserSummary agent = testUsers.user(Role.AGENT);

		notifications.notify(List.of(agent.id(), Long.MAX_VALUE), BREACHED);

		assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
		assertThat(notifications.unreadCount(Long.MAX_VALUE)).isZero();
	}

	@Test
	void marksOneAndThenAllReadButNotSomeoneElses() {
		UserSummary agent = testUsers.user(Role.AGENT);
		UserSummary other = testUsers.user(Role.AGENT);
		notifications.notify(List.of(agent.id()), BREACHED);
		notifications.notify(List.of(agent.id()), BREACHED);
		notifications.notify(List.of(agent.id()), BREACHED);
		long first = notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10)).getContent().get(0).id();

		assertThatThrownBy(() -> notifications.markRead(other.id(), first)).isInstanceOf(NotFoundException.class);
		notifications.markRead(agent.id(), first);
		notifications.markRead(agent.id(), first);

		assertThat(notifications.unreadCount(agent.id())).isEqualTo(2);
		assertThat(notifications.list(testUsers.current(agent), true, PageRequest.of(0, 10))).extracting(NotificationView::id)
			.doesNotContain(first)
			.hasSize(2);
		assertThat(notifications.markAllRead(agent.id())).isEqualTo(2);
		assertThat(notifications.markAllRead(agent.id())).isZero();
		assertThat(notifications.unreadCount(agent.id())).isZero();
		assertThat(notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10))).hasSize(3)
			.allSatisfy(n -> assertThat(n.readAt()).isNotNull());
	}

	@Test
	void anUnknownMessageKeyShowsTheKeyRatherThanFailing() {
		UserSummary agent = testUsers.user(Role.AGENT);

		notifications.notify(List.of(agent.id()), new Notice("x.y", "no.such.key", List.of("msg:no.such.arg"), null));
		reactions.settle();

		assertThat(notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10))).singleElement()
			.satisfies(n -> assertThat(n.text()).isEqualTo("no.such.key"));
		assertThat(mail.to(agent.email())).singleElement()
			.satisfies(m -> assertThat(m.textBody()).contains("http://localhost:8080/notifications"));
	}

	@Test
	void aNoticeAboutATicketTheRecipientCanNoLongerSeeLosesItsTextAndLinkAndIsNotMailed() {
		var first = testUsers.group(app.rapport.identity.AssignmentMode.MANUAL);
		var second = testUsers.group(app.rapport.identity.AssignmentMode.MANUAL);
		UserSummary agent = testUsers.agentIn(first);
		app.rapport.support.Api admin = app.rapport.support.Api.at(port)
			.withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "write"));
		String subject = "Confidential merger " + System.nanoTime();
		var opened = admin.post("/api/v1/tickets", java.util.Map.of("subject", subject, "body", "Details inside.",
				"requester", java.util.Map.of("email", "merger-" + System.nanoTime() + "@example.com"), "groupId", first.id()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long ticket = opened.json().get("id").asLong();
		Notice aboutIt = new Notice("commitment.breached", "test.notice.breached", List.of("#" + ticket + " " + subject,
				"msg:test.notice.kind.first_response"), "/tickets/" + ticket, ticket);
		notifications.notify(List.of(agent.id()), aboutIt);
		reactions.settle();
		assertThat(mail.to(agent.email())).singleElement().satisfies(m -> assertThat(m.textBody()).contains(subject));
		assertThat(notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10)).getContent().get(0).text())
			.contains(subject);

		String etag = admin.get("/api/v1/tickets/" + ticket).header("ETag");
		assertThat(admin.patch("/api/v1/tickets/" + ticket, java.util.Map.of("groupId", second.id()),
				java.util.Map.of("If-Match", etag)).status()).isEqualTo(200);

		NotificationView hidden = notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10)).getContent().get(0);
		assertThat(hidden.text()).doesNotContain(subject).isEqualTo("A notice about a ticket you can no longer see.");
		assertThat(hidden.link()).isNull();
		assertThat(hidden.args()).isEmpty();
		var api = app.rapport.support.Api.at(port).withToken(testUsers.token(agent, "read"));
		assertThat(api.get("/api/v1/notifications").body()).doesNotContain(subject).doesNotContain("/tickets/" + ticket);

		notifications.notify(List.of(agent.id()), aboutIt);
		reactions.settle();
		assertThat(mail.to(agent.email())).as("no mail about a ticket the agent may not see").hasSize(1);
	}

}
