package app.rapport.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import app.rapport.shared.TimeLimits;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads date and instant request parameters and path variables (ISO 8601, as before) and refuses those
 * outside {@link TimeLimits}, for every endpoint at once: the year 999,999,999 is a 400 naming the
 * parameter, not an overflow in a calculation or an error from the database.
 */
@Configuration(proxyBeanMethods = false)
class TimeParameters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		// Registered last, so they come first for String to LocalDate and String to Instant; printing is untouched.
		registry.addConverter(String.class, LocalDate.class, new DateConverter());
		registry.addConverter(String.class, Instant.class, new InstantConverter());
	}

	static final class DateConverter implements Converter<String, LocalDate> {

		@Override
		public LocalDate convert(String text) {
			return text.isBlank() ? null : TimeLimits.check("date", LocalDate.parse(text.strip()));
		}

	}

	static final class InstantConverter implements Converter<String, Instant> {

		@Override
		public Instant convert(String text) {
			String value = text.strip();
			if (value.isEmpty()) {
				return null;
			}
			Instant instant;
			if (value.matches("-?\\d{1,19}")) {
				instant = Instant.ofEpochMilli(Long.parseLong(value));
			}
			else if (Character.isAlphabetic(value.charAt(0))) {
				instant = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value));
			}
			else {
				instant = Instant.parse(value);
			}
			return TimeLimits.check("instant", instant);
		}

	}

}
