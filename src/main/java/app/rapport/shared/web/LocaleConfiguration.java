package app.rapport.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Language and time zone live in the session: set from the user's profile at sign-in and when the
 * user changes them; before that the browser's Accept-Language decides.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
		return resolver;
	}

	static Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String tag = range.getRange();
				if ("*".equals(tag)) {
					continue;
				}
				Locale candidate = Locale.forLanguageTag(tag);
				String lang = candidate.getLanguage();
				if ("en".equals(lang) || "zh".equals(lang) || "bg".equals(lang)) {
					return Locale.forLanguageTag(Languages.closest(candidate));
				}
			}
		}
		catch (IllegalArgumentException malformedHeader) {
			// A broken header is no reason to fail the page: fall back to English.
		}
		return Locale.ENGLISH;
	}

}
