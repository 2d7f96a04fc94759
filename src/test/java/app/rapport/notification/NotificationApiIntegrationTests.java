package app.rapport.notification;

import java.util.List;
import java.util.Map;

import app.rapport.identity.Role;
import app.rapport.identity.UserSummary;
import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's own notifications over the REST API: read scope to list, write scope to mark read. */
@RapportIntegrationTest
@Import(NotificationTestSetup.class)
class NotificationApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	TestUsers testUsers;

	Notice breached(int ticket) {
		return new Notice("commitment.breached", "test.notice.breached",
				List.of("#" + ticket, "msg:test.notice.kind.first_response"), "/tickets/" + ticket);
	}

	@Test
	void listsTheCallersNoticesNewestFirstInTheirLanguage() {
		UserSummary agent = testUsers.user(Role.AGENT, "bg");
		notifications.notify(List.of(agent.id()), breached(1));
		notifications.notify(List.of(agent.id()), breached(2));
		notifications.notify(List.of(testUsers.user(Role.AGENT).id()), breached(3));
		Api api = Api.at(port).withToken(testUsers.token(agent, "read"));

		Api.Response list = api.get("/api/v1/notifications?size=1");

		assertThat(list.status()).isEqualTo(200);
		JsonNode body = list.json();
		assertThat(body.get("total").asLong()).isEqualTo(2);
		assertThat(body.get("size").asInt()).isEqualTo(1);
		JsonNode newest = body.get("items").get(0);
		assertThat(newest.get("text").asString()).isEqualTo("Запитване #2 пропусна срока за първи отговор");
		assertThat(newest.get("kind").asString()).isEqualTo("commitment.breached");
		assertThat(newest.get("link").asString()).isEqualTo("/tickets/2");
		assertThat(newest.get("readAt").isNull()).isTrue();
		assertThat(api.get("/api/v1/notifications?page=1&size=1").json().get("items").get(0).get("link").asString())
			.isEqualTo("/tickets/1");
	}

	@Test
	void marksOneReadThenAllRead() {
		UserSummary agent = testUsers.user(Role.AGENT);
		notifications.notify(List.of(agent.id()), breached(1));
		notifications.notify(List.of(agent.id()), breached(2));
		notifications.notify(List.of(agent.id()), breached(3));
		Api api = Api.at(port).withToken(testUsers.token(agent, "read", "write"));
		long oldest = notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10)).getContent().get(2).id();

		assertThat(api.post("/api/v1/notifications/" + oldest + "/read", "").status()).isEqualTo(204);

		JsonNode unread = api.get("/api/v1/notifications?unread=true").json();
		assertThat(unread.get("total").asLong()).isEqualTo(2);
		assertThat(unread.get("items").findValuesAsString("link")).containsExactly("/tickets/3", "/tickets/2");
		JsonNode all = api.get("/api/v1/notifications").json();
		assertThat(all.get("items").get(2).get("readAt").isNull()).isFalse();

		Api.Response marked = api.post("/api/v1/notifications/read-all", "");
		assertThat(marked.status()).isEqualTo(200);
		assertThat(marked.json().get("marked").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/notifications?unread=true").json().get("total").asLong()).isZero();
	}

	@Test
	void anotherUsersNotificationIsNotFound() {
		UserSummary owner = testUsers.user(Role.AGENT);
		notifications.notify(List.of(owner.id()), breached(1));
		long id = notifications.list(testUsers.current(owner), false, PageRequest.of(0, 10)).getContent().get(0).id();
		Api stranger = Api.at(port).withToken(testUsers.token(testUsers.user(Role.ADMIN), "read", "write", "admin"));

		Api.Response refused = stranger.post("/api/v1/notifications/" + id + "/read", "");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(stranger.get("/api/v1/notifications").json().get("total").asLong()).isZero();
		assertThat(notifications.unreadCount(owner.id())).isEqualTo(1);
	}

	@Test
	void refusesCallersWithoutATokenOrWithoutTheWriteScope() {
		UserSummary agent = testUsers.user(Role.AGENT);
		notifications.notify(List.of(agent.id()), breached(1));
		long id = notifications.list(testUsers.current(agent), false, PageRequest.of(0, 10)).getContent().get(0).id();
		Api readOnly = Api.at(port).withToken(testUsers.token(agent, "read"));

		assertThat(Api.at(port).get("/api/v1/notifications").status()).isEqualTo(401);
		assertThat(Api.at(port).post("/api/v1/notifications/read-all", "").status()).isEqualTo(401);
		assertThat(readOnly.post("/api/v1/notifications/" + id + "/read", "").status()).isEqualTo(403);
		assertThat(readOnly.post("/api/v1/notifications/read-all", "").status()).isEqualTo(403);
		assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
	}

	@Test
	void refusesBadParameters() {
		Api api = Api.at(port).withToken(testUsers.token(testUsers.user(Role.AGENT), "read", "write"));

		assertThat(api.get("/api/v1/notifications?size=0").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/notifications?page=-1").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/notifications?unread=maybe").status()).isEqualTo(400);
		assertThat(api.post("/api/v1/notifications/abc/read", Map.of()).status()).isEqualTo(400);
	}

}
