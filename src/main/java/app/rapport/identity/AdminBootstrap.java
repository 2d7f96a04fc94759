package app.rapport.identity;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there is none: from RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD, or
 * with a generated password printed once in the log. There is never a default password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRepository users;

	private final UserAdministration administration;

	private final String email;

	private final String password;

	AdminBootstrap(UserRepository users, UserAdministration administration,
			@Value("${rapport.admin.email:}") String email, @Value("${rapport.admin.password:}") String password) {
		this.users = users;
		this.administration = administration;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!users.existsByRole(Role.ADMIN)) {
			createAdmin();
		}
	}

	/**
	 * Creates the admin from the configured e-mail and password.
	 * @return the generated password when none was configured (it is also logged once), else empty
	 */
	Optional<String> createAdmin() {
		String adminEmail = email.isBlank() ? "admin@rapport.local" : email;
		boolean generated = password.isBlank();
		String adminPassword = generated ? Passwords.generate() : password;
		administration.createUser(adminEmail, "Administrator", Role.ADMIN, "en", "UTC", adminPassword);
		if (generated) {
			log.warn("\n\n  First admin created: {}  password: {}\n  (shown once; set RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD to choose them)\n",
					adminEmail, adminPassword);
			return Optional.of(adminPassword);
		}
		log.info("First admin created: {}", adminEmail);
		return Optional.empty();
	}

}
