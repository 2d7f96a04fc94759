package app.rapport.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import app.rapport.demo.DemoContent.NamePart;
import app.rapport.demo.DemoContent.NamePool;

/** Composes a person's name from a language's pools the way people of that language write it. */
final class PersonNames {

	private PersonNames() {
	}

	/** A composed name: native script, Latin form ({@code null} when the same) and the e-mail local part. */
	record PersonName(String name, String latinName, String emailLocalPart) {
	}

	static PersonName compose(String language, NamePool pool, SplittableRandom random) {
		NamePart given = pick(pool.given(), random);
		NamePart family = pick(pool.family(), random);
		if (language.startsWith("zh")) {
			// Chinese names are family name first and written without a space.
			String latin = family.latin() + " " + given.latin();
			return new PersonName(family.nativeForm() + given.nativeForm(), latin,
					ascii(family.latin()) + "." + ascii(given.latin()));
		}
		if ("bg".equals(language)) {
			boolean female = given.female() != null ? given.female() : random.nextBoolean();
			String familyNative = female ? feminine(family.nativeForm(), true) : family.nativeForm();
			String familyLatin = female ? feminine(family.latin(), false) : family.latin();
			return new PersonName(given.nativeForm() + " " + familyNative, given.latin() + " " + familyLatin,
					ascii(given.latin()) + "." + ascii(familyLatin));
		}
		String name = given.nativeForm() + " " + family.nativeForm();
		String latin = given.latin().equals(given.nativeForm()) && family.latin().equals(family.nativeForm()) ? null
				: given.latin() + " " + family.latin();
		return new PersonName(name, latin, ascii(given.latin()) + "." + ascii(family.latin()));
	}

	/** Bulgarian family names agree with the person: Петров → Петрова, Петровски → Петровска. */
	static String feminine(String family, boolean cyrillic) {
		if (cyrillic) {
			if (family.endsWith("ски")) {
				return family.substring(0, family.length() - 1) + "а";
			}
			if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ин")) {
				return family + "а";
			}
			return family;
		}
		if (family.endsWith("ski")) {
			return family.substring(0, family.length() - 1) + "a";
		}
		if (family.endsWith("ov") || family.endsWith("ev") || family.endsWith("in")) {
			return family + "a";
		}
		return family;
	}

	/** Lower-case ASCII letters and digits only, for e-mail addresses: "Zhāng Yǔ-tíng" → "zhangyuting". */
	static String ascii(String text) {
		String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String out = stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return out.isEmpty() ? "customer" : out;
	}

	static <T> T pick(List<T> list, SplittableRandom random) {
		return list.get(random.nextInt(list.size()));
	}

}
