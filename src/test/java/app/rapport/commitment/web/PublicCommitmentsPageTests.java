package app.rapport.commitment.web;

import java.util.List;
import java.util.UUID;

import app.rapport.commitment.Calendars;
import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.support.RapportIntegrationTest;
import app.rapport.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RapportIntegrationTest
class PublicCommitmentsPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Plans plans;

	@Autowired
	Calendars calendars;

	PlanView published;

	PlanView unpublished;

	@BeforeEach
	void plans() {
		long cn = calendars.all().stream().filter(c -> "cn-mainland".equals(c.key())).findFirst().orElseThrow().id();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		published = plans.create(new PlanInput("Premium " + suffix, "Our fastest service", cn, false, null,
				List.of("first_response", "next_update", "resolution"), List.of("resolution"), true,
				List.of(new PlanInput.Target("HIGH", null, 240, 480, 990),
						new PlanInput.Target("NORMAL", null, 60, null, 1)),
				List.of(), null), null);
		unpublished = plans.create(new PlanInput("Internal " + suffix, null, cn, false, null, null, null, false,
				List.of(new PlanInput.Target("NORMAL", null, 60, null, null)), List.of(), null), null);
	}

	String page(String lang) {
		WebSession.Page page = WebSession.at(port).get("/public/commitments/" + published.id() + "?lang=" + lang);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(published.name()).contains("datetime=\"2026-02-17\"")
			.contains("Asia/Shanghai").doesNotContain("/logout");
		return page.body();
	}

	@Test
	void statesThePlanInEnglish() {
		assertThat(page("en")).contains("First response within 4 working hours")
			.contains("An update at least every 8 working hours")
			.contains("Resolution within 16 working hours and 30 minutes")
			.contains("First response within 1 working hour")
			.contains("Resolution within 1 working minute")
			.contains("The clock stops while we wait for your answer.")
			.contains("the clock stops for: Resolution")
			.contains("09:00");
	}

	@Test
	void statesThePlanInSimplifiedChinese() {
		assertThat(page("zh-CN")).contains("首次回复：4个工作小时内").contains("解决：16个工作小时30分钟内")
			.contains("等待您回复期间停止计时").contains("节假日");
	}

	@Test
	void statesThePlanInTraditionalChinese() {
		assertThat(page("zh-TW")).contains("首次回覆：4個工作小時內").contains("等待您回覆期間停止計時").contains("假日");
	}

	@Test
	void statesThePlanInBulgarian() {
		assertThat(page("bg")).contains("Първи отговор в рамките на 4 работни часа")
			.contains("Решение в рамките на 16 работни часа и 30 минути")
			.contains("Часовникът спира, докато чакаме вашия отговор.");
	}

	@Test
	void listsPublishedPlansOnlyInTheBrowsersLanguage() {
		WebSession.Page list = WebSession.at(port).header("Accept-Language", "bg-BG,bg;q=0.9").get("/public/commitments");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(published.name()).doesNotContain(unpublished.name()).contains("Нашите ангажименти")
			.contains("?lang=zh-TW");
	}

	@Test
	void anUnpublishedOrUnknownPlanIsNotFound() {
		assertThat(WebSession.at(port).get("/public/commitments/" + unpublished.id()).status()).isEqualTo(404);
		assertThat(WebSession.at(port).get("/public/commitments/999999").status()).isEqualTo(404);
		assertThat(WebSession.at(port).get("/public/commitments/nonsense").status()).isEqualTo(404);
	}

}
