package app.rapport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key exists in all four languages, and templates carry no literal text. */
class MessageBundlesTests {

	static final Path I18N = Path.of("src/main/resources/i18n");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final List<String> LANGUAGES = List.of("zh_CN", "zh_TW", "bg");

	@Test
	void everyKeyIsTranslatedIntoEveryLanguage() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> folders = Files.list(I18N)) {
			for (Path folder : folders.filter(Files::isDirectory).toList()) {
				for (Path basePath : baseBundles(folder)) {
					String bundle = basePath.getFileName().toString().replace(".properties", "");
					Set<String> base = keys(basePath);
					for (String lang : LANGUAGES) {
						Path file = folder.resolve(bundle + "_" + lang + ".properties");
						assertThat(file).as("bundle " + file).exists();
						Set<String> translated = keys(file);
						for (String key : base) {
							if (!translated.contains(key)) {
								missing.add(file + ": " + key);
							}
						}
						for (String key : translated) {
							if (!base.contains(key)) {
								missing.add(basePath + ": " + key + " (only in " + lang + ")");
							}
						}
					}
				}
			}
		}
		assertThat(missing).as("keys missing from a bundle").isEmpty();
	}

	@Test
	void everyMessageKeyUsedInTemplatesExists() throws IOException {
		Set<String> all = new TreeSet<>();
		try (Stream<Path> files = Files.walk(I18N)) {
			for (Path p : files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).toList()) {
				all.addAll(keys(p));
			}
		}
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");
		List<String> unknown = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = key.matcher(Files.readString(template));
			while (m.find()) {
				if (!all.contains(m.group(1))) {
					unknown.add(template + ": " + m.group(1));
				}
			}
		}
		assertThat(unknown).as("message keys used in templates but not defined").isEmpty();
	}

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		// Text between tags must come from th:text / th:utext; placeholders inside elements that carry
		// th:text are replaced at render time and so are allowed.
		Pattern literal = Pattern.compile(">([^<>]*[\\p{L}][^<>]*)<");
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			Matcher m = literal.matcher(html);
			while (m.find()) {
				String text = m.group(1).trim();
				if (text.isEmpty() || text.startsWith("[[") || text.contains("${") || text.contains("#{")) {
					continue;
				}
				int tagStart = html.lastIndexOf('<', m.start());
				String openingTag = html.substring(tagStart, m.start() + 1);
				boolean replaced = openingTag.contains("th:text") || openingTag.contains("th:utext")
						|| openingTag.contains("sec:authentication") || openingTag.contains("th:replace")
						|| openingTag.contains("th:insert") || openingTag.startsWith("<title")
						|| openingTag.startsWith("<script") || openingTag.startsWith("<style");
				if (!replaced) {
					found.add(template + ": \"" + text + "\"");
				}
			}
		}
		assertThat(found).as("literal text in templates").isEmpty();
	}

	/** The base (English) files of a module's bundles: {@code messages.properties} and any other without a language suffix. */
	private static List<Path> baseBundles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).sorted().toList();
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}

	/** The admin page of background work names every reaction and the event it reacts to, never the class. */
	@Test
	void everyReactionAndItsEventHaveALabel() throws IOException {
		Set<String> labels = keys(I18N.resolve("operations/messages.properties"));
		List<String> missing = new ArrayList<>();
		var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
			.withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("app.rapport");
		int reactions = 0;
		for (var type : classes) {
			for (var method : type.getMethods()) {
				if (!method.isAnnotatedWith(org.springframework.modulith.events.ApplicationModuleListener.class)) {
					continue;
				}
				reactions++;
				String reaction = "operations.reaction." + type.getSimpleName();
				String event = "operations.event." + method.getRawParameterTypes().get(0).getSimpleName();
				for (String key : List.of(reaction, event)) {
					if (!labels.contains(key)) {
						missing.add(key + " (" + method.getFullName() + ")");
					}
				}
			}
		}
		assertThat(reactions).as("reactions found").isGreaterThanOrEqualTo(5);
		assertThat(missing).as("labels missing from i18n/operations").isEmpty();
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return new TreeSet<>(p.stringPropertyNames());
	}

}
