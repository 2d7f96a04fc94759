package app.rapport.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is a default group at start, so that a fresh installation without demo data takes
 * requests from the first one. Runs after the demo data and bulk generators, which bring their own groups.
 */
@Component
@Order(30)
class DefaultGroupBootstrap implements ApplicationRunner {

	private final UserAdministration administration;

	DefaultGroupBootstrap(UserAdministration administration) {
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments args) {
		administration.ensureDefaultGroup();
	}

}
