package app.rapport.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTests {

	static String closest(String tag) {
		return Languages.closest(Locale.forLanguageTag(tag));
	}

	@Test
	void mapsHongKongMacauAndTraditionalScriptToTraditionalChinese() {
		assertThat(closest("zh-HK")).isEqualTo("zh-TW");
		assertThat(closest("zh-MO")).isEqualTo("zh-TW");
		assertThat(closest("zh-TW")).isEqualTo("zh-TW");
		assertThat(closest("zh-Hant")).isEqualTo("zh-TW");
		assertThat(closest("zh-Hant-CN")).isEqualTo("zh-TW");
	}

	@Test
	void mapsMainlandSingaporeAndSimplifiedScriptToSimplifiedChinese() {
		assertThat(closest("zh-Hans-CN")).isEqualTo("zh-CN");
		assertThat(closest("zh-CN")).isEqualTo("zh-CN");
		assertThat(closest("zh-SG")).isEqualTo("zh-CN");
		assertThat(closest("zh")).isEqualTo("zh-CN");
		assertThat(closest("zh-Hans-HK")).as("the script wins over the region").isEqualTo("zh-CN");
	}

	@Test
	void mapsAnyBulgarianToBulgarian() {
		assertThat(closest("bg-BG")).isEqualTo("bg");
		assertThat(closest("bg")).isEqualTo("bg");
	}

	@Test
	void fallsBackToEnglish() {
		assertThat(closest("fr")).isEqualTo("en");
		assertThat(closest("en-GB")).isEqualTo("en");
		assertThat(Languages.closest(null)).isEqualTo("en");
	}

	@Test
	void supportsExactlyTheFourTags() {
		assertThat(Languages.isSupported("zh-TW")).isTrue();
		assertThat(Languages.isSupported("zh-tw")).isFalse();
		assertThat(Languages.isSupported("fr")).isFalse();
		assertThat(Languages.isSupported(null)).isFalse();
	}

}
