package app.rapport.demo;

import app.rapport.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads benchmark data in bulk when {@code rapport.generate.tickets} is set, e.g.
 * {@code java -jar rapport.jar --rapport.generate.tickets=1000000 --rapport.generate.contacts=200000
 * --rapport.generate.messages=5000000 --rapport.generate.exit=true}; then reindexes search and, with
 * {@code exit}, stops the application. Uses the existing groups and agents, or creates the demo team.
 */
@Component
@Order(20)
class BulkGenerationRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkGenerationRunner.class);

	private final Settings settings;

	private final String contentLocation;

	private final ResourceLoader resources;

	private final DemoTeamBuilder teams;

	private final DemoDataGenerator generator;

	private final SearchIndex searchIndex;

	private final ConfigurableApplicationContext context;

	BulkGenerationRunner(@Value("${rapport.generate.tickets:0}") int tickets,
			@Value("${rapport.generate.contacts:0}") int contacts,
			@Value("${rapport.generate.organizations:0}") int organizations,
			@Value("${rapport.generate.messages:0}") long messages, @Value("${rapport.generate.seed:1}") long seed,
			@Value("${rapport.generate.batch-size:2000}") int batchSize,
			@Value("${rapport.generate.reindex:true}") boolean reindex,
			@Value("${rapport.generate.exit:false}") boolean exit,
			@Value("${rapport.demo.content:classpath:demo/}") String contentLocation, ResourceLoader resources,
			DemoTeamBuilder teams, DemoDataGenerator generator, SearchIndex searchIndex,
			ConfigurableApplicationContext context) {
		this.settings = new Settings(tickets, contacts, organizations, messages, seed, batchSize, reindex, exit);
		this.contentLocation = contentLocation;
		this.resources = resources;
		this.teams = teams;
		this.generator = generator;
		this.searchIndex = searchIndex;
		this.context = context;
	}

	/** The {@code rapport.generate.*} settings; contacts and organizations follow the tickets when unset. */
	record Settings(int tickets, int contacts, int organizations, long messages, long seed, int batchSize,
			boolean reindex, boolean exit) {

		GenerationPlan plan() {
			int c = contacts > 0 ? contacts : Math.max(1, tickets / 5);
			int o = organizations > 0 ? organizations : Math.max(30, c / 200);
			double perTicket = messages > 0 ? (double) messages / tickets : 5.0;
			return new GenerationPlan(o, c, tickets, perTicket, seed, batchSize);
		}

	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (settings.tickets() <= 0) {
			return;
		}
		DemoContent content = DemoContent.load(resources, contentLocation);
		DemoTeam team = teams.existing().filter(t -> !t.members().isEmpty()).orElseGet(() -> {
			DemoTeamBuilder.CreatedTeam created = teams.create();
			if (!created.credentials().isEmpty()) {
				log.warn("\n\n  Demo users (passwords are generated and shown only this once):\n{}",
						DemoTeamBuilder.credentialTable(created.credentials()));
			}
			return created.team();
		});
		GenerationReport report = generator.generate(content, team, settings.plan());
		if (settings.reindex()) {
			searchIndex.reindexAll();
		}
		log.info("Generation finished: {} rows in {} s", report.rows(), report.elapsed().toSeconds());
		if (settings.exit()) {
			int code = SpringApplication.exit(context, () -> 0);
			System.exit(code);
		}
	}

}
