package app.rapport.search;

import java.lang.Character.UnicodeScript;
import java.util.function.Predicate;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps only the tokens a language's field can analyze well, so that no field turns another script into
 * noise that a query could match by accident.
 */
final class ScriptFilter extends FilteringTokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final Predicate<CharSequence> keep;

	private ScriptFilter(TokenStream input, Predicate<CharSequence> keep) {
		super(input);
		this.keep = keep;
	}

	/**
	 * For the Chinese field: Han words, and Latin words and numbers (smartcn keeps those whole). smartcn splits
	 * every other script, Cyrillic included, into single letters and emits punctuation as tokens; in an
	 * AND query those letters would match almost any document, so they go (the Bulgarian field has them).
	 */
	static TokenStream hanAndLatin(TokenStream input) {
		return new ScriptFilter(input, ScriptFilter::isHanOrLatinWord);
	}

	/**
	 * For the Bulgarian and English fields: everything but East Asian ideographs and syllables, which the
	 * standard tokenizer emits one character at a time (投诉 → 投, 诉); an AND of single characters would
	 * match unrelated Chinese text, so Chinese is left to the Chinese field.
	 */
	static TokenStream withoutIdeographs(TokenStream input) {
		return new ScriptFilter(input, token -> !containsScript(token, UnicodeScript.HAN, UnicodeScript.HIRAGANA,
				UnicodeScript.KATAKANA, UnicodeScript.HANGUL));
	}

	@Override
	protected boolean accept() {
		return keep.test(term);
	}

	private static boolean isHanOrLatinWord(CharSequence token) {
		if (containsScript(token, UnicodeScript.HAN)) {
			return true;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!Character.isDigit(c) && UnicodeScript.of(c) != UnicodeScript.LATIN) {
				return false;
			}
		}
		return token.length() > 0;
	}

	private static boolean containsScript(CharSequence token, UnicodeScript... scripts) {
		for (int i = 0; i < token.length();) {
			int codePoint = Character.codePointAt(token, i);
			UnicodeScript script = UnicodeScript.of(codePoint);
			for (UnicodeScript s : scripts) {
				if (script == s) {
					return true;
				}
			}
			i += Character.charCount(codePoint);
		}
		return false;
	}

}
