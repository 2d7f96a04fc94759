package app.rapport.notification;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders a notice, and the mail around it, in a given language. */
@Component
class NoticeText {

	private static final Logger log = LoggerFactory.getLogger(NoticeText.class);

	private final MessageSource messages;

	NoticeText(MessageSource messages) {
		this.messages = messages;
	}

	/** The notice's text; an unknown key or a broken pattern shows the key rather than failing the page. */
	String render(Notice notice, Locale locale) {
		Object[] args = notice.args()
			.stream()
			.map(a -> a.startsWith(Notice.MESSAGE_ARG) ? message(a.substring(Notice.MESSAGE_ARG.length()), null, locale) : a)
			.toArray();
		return message(notice.messageKey(), args, locale);
	}

	String message(String key, Object[] args, Locale locale) {
		try {
			return messages.getMessage(key, args, key, locale);
		}
		catch (IllegalArgumentException brokenPattern) {
			log.warn("Cannot format message {} with {}: {}", key, args, brokenPattern.getMessage());
			return key;
		}
	}

	static Locale locale(String languageTag) {
		return languageTag == null || languageTag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(languageTag);
	}

}
