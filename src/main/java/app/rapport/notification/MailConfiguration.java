package app.rapport.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Logs outgoing mail unless another {@link OutboundMail} is defined. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean(OutboundMail.class)
	OutboundMail loggingOutboundMail() {
		return new LoggingOutboundMail();
	}

}
