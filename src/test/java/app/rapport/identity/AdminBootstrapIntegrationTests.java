package app.rapport.identity;

import java.util.UUID;

import app.rapport.support.RapportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** There is no default password: the first admin gets the configured one or a random one, logged once. */
@RapportIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTests {

	@Autowired
	UserRepository users;

	@Autowired
	UserAdministration administration;

	@Autowired
	PasswordEncoder passwordEncoder;

	static String uniqueEmail() {
		return "first-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@test.rapport";
	}

	@Test
	void generatesARandomPasswordAndLogsItWhenNoneIsConfigured(CapturedOutput output) {
		String first = uniqueEmail();
		String second = uniqueEmail();

		String password = new AdminBootstrap(users, administration, first, "").createAdmin().orElseThrow();
		String other = new AdminBootstrap(users, administration, second, "").createAdmin().orElseThrow();

		assertThat(Passwords.weakness(password)).isNull();
		assertThat(password).isNotEqualTo(other);
		User admin = users.findByEmailIgnoreCase(first).orElseThrow();
		assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
		assertThat(admin.getPasswordHash()).doesNotContain(password).startsWith("{bcrypt}");
		assertThat(passwordEncoder.matches(password, admin.getPasswordHash())).isTrue();
		assertThat(output.getAll()).contains("First admin created: " + first + "  password: " + password);
	}

	@Test
	void usesTheConfiguredPasswordAndNeverLogsIt(CapturedOutput output) {
		String email = uniqueEmail();

		assertThat(new AdminBootstrap(users, administration, email, "configured-secret-42").createAdmin()).isEmpty();

		User admin = users.findByEmailIgnoreCase(email).orElseThrow();
		assertThat(passwordEncoder.matches("configured-secret-42", admin.getPasswordHash())).isTrue();
		assertThat(output.getAll()).contains("First admin created: " + email).doesNotContain("configured-secret-42");
	}

	@Test
	void createsNoAdminWhenOneExists() {
		// The test profile configures an admin, so the application already has one.
		assertThat(users.existsByRole(Role.ADMIN)).isTrue();
		String email = uniqueEmail();

		new AdminBootstrap(users, administration, email, "").run(null);

		assertThat(users.findByEmailIgnoreCase(email)).isEmpty();
	}

	@Test
	void theTestAdminHasTheConfiguredPasswordNotADefaultOne() {
		User admin = users.findByEmailIgnoreCase("admin@test.rapport").orElseThrow();
		assertThat(passwordEncoder.matches("admin-test-password-1", admin.getPasswordHash())).isTrue();
		assertThat(passwordEncoder.matches("admin", admin.getPasswordHash())).isFalse();
	}

}
