package app.rapport.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Until the SMTP channel arrives, outgoing mail is logged; any other {@link OutboundMail} bean replaces that. */
@ExtendWith(OutputCaptureExtension.class)
class MailConfigurationTests {

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(MailConfiguration.class);

	@Test
	void logsOneLinePerMailByDefault(CapturedOutput output) {
		context.run(c -> {
			assertThat(c).getBean(OutboundMail.class).isInstanceOf(LoggingOutboundMail.class);
			c.getBean(OutboundMail.class).send(new MailMessage("li@example.com", "Rapport: Ticket #42", "body"));
		});
		assertThat(output).contains("mail to li@example.com: Rapport: Ticket #42").doesNotContain("body");
	}

	@Test
	void stepsAsideForAnotherOutboundMail() {
		OutboundMail smtp = message -> {
		};
		context.withBean(OutboundMail.class, () -> smtp)
			.run(c -> assertThat(c).getBean(OutboundMail.class).isSameAs(smtp));
	}

}
