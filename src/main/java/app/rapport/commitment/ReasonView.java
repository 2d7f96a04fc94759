package app.rapport.commitment;

import java.util.Map;

/** A breach reason with its name in each language (en, zh-CN, zh-TW, bg). */
public record ReasonView(String key, Map<String, String> names, boolean active, int position) {

	public String name(String languageTag) {
		return names.getOrDefault(languageTag, names.get("en"));
	}

}
