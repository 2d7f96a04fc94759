package app.rapport.shared.web;

import java.util.List;
import java.util.Locale;

/** The four languages Rapport speaks, as BCP 47 tags and locales. */
public final class Languages {

	public static final List<String> TAGS = List.of("en", "zh-CN", "zh-TW", "bg");

	public static final List<Locale> LOCALES = TAGS.stream().map(Locale::forLanguageTag).toList();

	private Languages() {
	}

	public static boolean isSupported(String tag) {
		return tag != null && TAGS.contains(tag);
	}

	/** The supported tag closest to the locale (zh-HK and zh-Hant map to zh-TW); "en" otherwise. */
	public static String closest(Locale locale) {
		if (locale == null) {
			return "en";
		}
		String lang = locale.getLanguage();
		if ("zh".equals(lang)) {
			String script = locale.getScript();
			String country = locale.getCountry();
			// An explicit script says more than the region: zh-Hans-HK reads Simplified.
			boolean traditional = script.isEmpty() ? "TW".equals(country) || "HK".equals(country) || "MO".equals(country)
					: "Hant".equals(script);
			return traditional ? "zh-TW" : "zh-CN";
		}
		if ("bg".equals(lang)) {
			return "bg";
		}
		return "en";
	}

}
