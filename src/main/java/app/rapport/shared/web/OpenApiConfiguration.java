package app.rapport.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the REST API for the OpenAPI document at /api/openapi.json and the page at /api/docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI rapportOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Rapport API")
				.version("v1")
				.description("Customers, tickets and search. Authenticate with a personal access token "
						+ "(Authorization: Bearer rpt_…); create one with POST /api/v1/tokens and HTTP Basic. "
						+ "Errors are application/problem+json (RFC 9457); lists return {items, page, size, total}."))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
