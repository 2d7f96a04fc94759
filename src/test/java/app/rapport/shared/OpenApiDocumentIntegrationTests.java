package app.rapport.shared;

import app.rapport.support.Api;
import app.rapport.support.RapportIntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class OpenApiDocumentIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void publishesAnOpenApiDocumentThatAStandardParserAccepts() {
		Api.Response doc = Api.at(port).get("/api/openapi.json");
		assertThat(doc.status()).isEqualTo(200);

		SwaggerParseResult result = new OpenAPIParser().readContents(doc.body(), null, null);
		assertThat(result.getMessages()).as("parser messages").isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/tokens", "/api/v1/groups", "/api/v1/users",
				"/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all",
				"/api/v1/calendars", "/api/v1/calendars/{id}/ics", "/api/v1/calendars/{id}/due",
				"/api/v1/calendars/{id}/elapsed", "/api/v1/plans", "/api/v1/organizations/{id}/plan",
				"/api/v1/contacts/{id}/plan", "/api/v1/tickets/{id}/clocks", "/api/v1/breaches",
				"/api/v1/breaches/{id}/reason", "/api/v1/attainment", "/api/v1/board");
		assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearer", "basic");
	}

	@Test
	void servesTheBrowsableApiPage() {
		Api.Response entry = Api.at(port).getText("/api/docs");
		assertThat(entry.status()).isEqualTo(302);
		assertThat(entry.header("Location")).endsWith("/api/swagger-ui/index.html");
		Api.Response page = Api.at(port).getText("/api/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

}
