package app.rapport.demo;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSettingsTests {

	@Test
	void readsOnAndOffTheWayYamlAndEnvironmentVariablesWriteThem() {
		assertThat(DemoDataRunner.isOn("on")).isTrue();
		assertThat(DemoDataRunner.isOn("true")).isTrue();
		assertThat(DemoDataRunner.isOn(" ON ")).isTrue();
		assertThat(DemoDataRunner.isOn("off")).isFalse();
		assertThat(DemoDataRunner.isOn("false")).isFalse();
		assertThat(DemoDataRunner.isOn("")).isFalse();
	}

	@Test
	void derivesContactsOrganizationsAndAverageMessagesFromTheTicketCount() {
		GenerationPlan plan = new BulkGenerationRunner.Settings(1_000_000, 0, 0, 5_000_000, 1, 2000, true, true).plan();
		assertThat(plan.contacts()).isEqualTo(200_000);
		assertThat(plan.organizations()).isEqualTo(1_000);
		assertThat(plan.messagesPerTicket()).isEqualTo(5.0);

		GenerationPlan small = new BulkGenerationRunner.Settings(100, 0, 0, 0, 1, 50, false, false).plan();
		assertThat(small.contacts()).isEqualTo(20);
		assertThat(small.organizations()).isEqualTo(30);
		assertThat(small.messagesPerTicket()).isEqualTo(5.0);
	}

	@Test
	void acceptsTheSpellingsOfLanguagesAndTypesFoundInContent() {
		assertThat(DemoContent.language("zh_CN")).isEqualTo("zh-CN");
		assertThat(DemoContent.language("zh-tw")).isEqualTo("zh-TW");
		assertThat(DemoContent.typeKey("return/exchange")).isEqualTo("RETURN_EXCHANGE");
		assertThat(DemoContent.typeKey("Return")).isEqualTo("RETURN_EXCHANGE");
		assertThat(DemoContent.typeKey("incident")).isEqualTo("INCIDENT");
	}

	@Test
	void shipsContentForEveryLanguageAndTicketType() {
		DemoContent content = DemoContent.load(new DefaultResourceLoader(), "classpath:demo/");
		assertThat(content.organizations()).hasSize(30);
		for (String language : DemoContent.LANGUAGES) {
			assertThat(content.names(language).isEmpty()).as(language).isFalse();
			assertThat(content.replies(language, true)).as(language).isNotEmpty();
			assertThat(content.replies(language, false)).as(language).isNotEmpty();
			for (app.rapport.ticket.TicketType type : app.rapport.ticket.TicketType.values()) {
				assertThat(content.hasOwnTemplates(language, type.name())).as(language + " " + type).isTrue();
				assertThat(content.templates(language, type.name())).as(language + " " + type)
					.isNotEmpty()
					.allMatch(t -> t.subject() != null && !t.subject().isBlank() && t.body() != null);
			}
		}
	}

}
