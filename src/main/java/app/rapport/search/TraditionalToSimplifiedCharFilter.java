package app.rapport.search;

import java.io.IOException;
import java.io.Reader;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds Traditional Chinese to Simplified (ICU's {@code Traditional-Simplified} transform) before word
 * segmentation, because smartcn's dictionary is Simplified: fed Traditional text it falls back to single
 * characters, so 投訴 would never meet 投诉.
 * <p>
 * Converts code point by code point and records an offset correction wherever the output length differs
 * from the input length (ICU's table maps every character in Unicode 15 to exactly one character today,
 * but a later ICU may not), so highlighting and offsets always point into the original text.
 */
final class TraditionalToSimplifiedCharFilter extends BaseCharFilter {

	private static final ThreadLocal<Transliterator> TRANSLITERATOR = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	private String converted;

	private int position;

	TraditionalToSimplifiedCharFilter(Reader input) {
		super(input);
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		if (converted == null) {
			converted = convert(readAll());
		}
		if (position >= converted.length()) {
			return -1;
		}
		int n = Math.min(len, converted.length() - position);
		converted.getChars(position, position + n, cbuf, off);
		position += n;
		return n;
	}

	private String readAll() throws IOException {
		StringBuilder sb = new StringBuilder();
		char[] buffer = new char[4096];
		for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
			sb.append(buffer, 0, n);
		}
		return sb.toString();
	}

	private String convert(String text) {
		Transliterator transliterator = TRANSLITERATOR.get();
		StringBuilder out = new StringBuilder(text.length());
		int cumulativeDiff = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int charCount = Character.charCount(codePoint);
			String original = text.substring(i, i + charCount);
			// Only Han characters change; skipping the rest keeps Latin and Cyrillic text fast.
			String replacement = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
					? transliterator.transliterate(original) : original;
			out.append(replacement);
			int diff = original.length() - replacement.length();
			if (diff != 0) {
				cumulativeDiff += diff;
				addOffCorrectMap(out.length(), cumulativeDiff);
			}
			i += charCount;
		}
		return out.toString();
	}

}
