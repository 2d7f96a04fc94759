package app.rapport.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What every notification test shares (so that they share one application context): a recording
 * {@link OutboundMail}, and the application's messages plus notice texts shaped like the commitment module's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestSetup {

	@Bean
	RecordingMail recordingMail() {
		return new RecordingMail();
	}

	/** The application's bundles as configured, plus {@code i18n-test/notification/messages}. */
	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename}") String basenames) {
		List<String> all = new ArrayList<>(List.of(basenames.split("\\s*,\\s*")));
		all.add("i18n-test/notification/messages");
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(all.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** Keeps every message it is given; refuses addresses it was told to fail for, as a broken SMTP server would. */
	public static class RecordingMail implements OutboundMail {

		private final List<MailMessage> sent = new CopyOnWriteArrayList<>();

		private final Set<String> failing = ConcurrentHashMap.newKeySet();

		@Override
		public void send(MailMessage message) {
			if (failing.contains(message.to())) {
				throw new IllegalStateException("550 mailbox unavailable: " + message.to());
			}
			sent.add(message);
		}

		public List<MailMessage> to(String address) {
			return sent.stream().filter(m -> m.to().equals(address)).toList();
		}

		public void failFor(String address) {
			failing.add(address);
		}

		/** The server takes mail for the address again. */
		public void recover(String address) {
			failing.remove(address);
		}

	}

}
