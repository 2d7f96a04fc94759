package app.rapport;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(RapportApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().that()
			.resideInAPackage("app.rapport..")
			.should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(java.time.ZonedDateTime.class, "now")
			.because("rules must be testable with a fixed Clock")
			.check(new com.tngtech.archunit.core.importer.ClassFileImporter()
				.withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("app.rapport"));
	}

	/**
	 * Writes the module diagrams (PlantUML, with the events between modules) to target/spring-modulith-docs;
	 * docs/modules holds a copy (Modulith 2.1 does not order their lines stably, so writing into docs on
	 * every build would change files without a change of the modules).
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
