package app.rapport.demo;

import app.rapport.search.SearchIndex;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo company when {@code rapport.demo-data} is on (the default): its
 * groups and users (with generated passwords, printed once), organizations, contacts and tickets. Runs after
 * the first admin is made and does nothing once there is any organization.
 */
@Component
@Order(10)
class DemoDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

	private final String demoData;

	private final String contentLocation;

	private final JdbcTemplate jdbc;

	private final ResourceLoader resources;

	private final DemoTeamBuilder teams;

	private final DemoDataGenerator generator;

	private final SearchIndex searchIndex;

	private final DemoCommitments commitments;

	DemoDataRunner(@Value("${rapport.demo-data:on}") String demoData,
			@Value("${rapport.demo.content:classpath:demo/}") String contentLocation, JdbcTemplate jdbc,
			ResourceLoader resources, DemoTeamBuilder teams, DemoDataGenerator generator, SearchIndex searchIndex,
			DemoCommitments commitments) {
		this.commitments = commitments;
		this.demoData = demoData;
		this.contentLocation = contentLocation;
		this.jdbc = jdbc;
		this.resources = resources;
		this.teams = teams;
		this.generator = generator;
		this.searchIndex = searchIndex;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!isOn(demoData)) {
			return;
		}
		Long organizations = jdbc.queryForObject("select count(*) from organization", Long.class);
		if (organizations != null && organizations > 0) {
			return;
		}
		long started = System.nanoTime();
		DemoContent content = DemoContent.load(resources, contentLocation);
		DemoTeamBuilder.CreatedTeam created = teams.create();
		DemoTeam team = teams.existing().orElse(created.team());
		GenerationReport report = generator.generate(content, team, GenerationPlan.demo(content.organizations().size()));
		searchIndex.startReindexAll();
		var clocks = commitments.create(1);
		log.info("Demo company created in {} ms: {} organizations, {} contacts, {} tickets, {} messages, {} past breaches",
				(System.nanoTime() - started) / 1_000_000, report.organizations(), report.contacts(), report.tickets(),
				report.messages(), clocks.breaches());
		if (!created.credentials().isEmpty()) {
			log.warn("\n\n  Demo users (passwords are generated and shown only this once; switch demo data off with "
					+ "RAPPORT_DEMO_DATA=off):\n{}", DemoTeamBuilder.credentialTable(created.credentials()));
		}
	}

	/** "on", "true", "yes" and "1" switch it on: YAML reads a bare {@code on} as {@code true}. */
	static boolean isOn(String value) {
		String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		return v.equals("on") || v.equals("true") || v.equals("yes") || v.equals("1");
	}

}
