package app.rapport;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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
	 * A module's tables are its own: no other module uses its entities or repositories. The one exception is
	 * the named interface {@code indexed} (tickets, messages, contacts, organizations), which Hibernate Search's
	 * ORM mapping needs in the search module, and which only the modules that name it may use (ADR 16).
	 */
	@Test
	void noModuleUsesAnotherModulesEntitiesOrRepositories() {
		List<String> violations = new ArrayList<>();
		for (var module : modules) {
			String base = module.getBasePackage().getName();
			noClasses().that()
				.resideOutsideOfPackage(base + "..")
				.and()
				.resideInAPackage("app.rapport..")
				.should()
				.dependOnClassesThat(DescribedPredicate.describe("entities or repositories of " + base,
						(JavaClass c) -> c.getPackageName().startsWith(base) && !inNamedInterface(c, "indexed")
								&& (c.isAnnotatedWith(jakarta.persistence.Entity.class)
										|| c.isAssignableTo(org.springframework.data.repository.Repository.class))))
				.because("a module's tables are its own; others use its API")
				.allowEmptyShould(true)
				.evaluate(CLASSES)
				.getFailureReport()
				.getDetails()
				.forEach(violations::add);
		}
		assertThat(violations).isEmpty();
	}

	/** Every module but the open {@code shared} says which named interfaces of others it uses. */
	@Test
	void everyModuleNamesTheInterfacesItUses() {
		for (var module : modules) {
			if (module.getBasePackage().getName().endsWith(".shared")) {
				continue;
			}
			var annotation = module.getBasePackage()
				.getAnnotation(org.springframework.modulith.ApplicationModule.class)
				.orElseThrow(() -> new AssertionError(module.getIdentifier() + " has no @ApplicationModule"));
			assertThat(annotation.allowedDependencies()).as(module.getIdentifier().toString())
				.allMatch(d -> d.equals("shared") || d.contains("::"));
		}
	}

	private static boolean inNamedInterface(JavaClass type, String name) {
		return type.tryGetAnnotationOfType(org.springframework.modulith.NamedInterface.class)
			.map(a -> List.of(a.value()).contains(name) || List.of(a.name()).contains(name))
			.orElse(false);
	}

	static final com.tngtech.archunit.core.domain.JavaClasses CLASSES = new com.tngtech.archunit.core.importer.ClassFileImporter()
		.withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.rapport");

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
