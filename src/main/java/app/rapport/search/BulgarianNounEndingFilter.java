package app.rapport.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Gives every form of a Bulgarian noun in {@code -ие/-ия} or verbal noun in {@code -не} one stem, before
 * Lucene's {@code BulgarianStemFilter} sees it (which then leaves the token alone).
 * <p>
 * Why: the stock stemmer (Savoy's light stemmer) removes articles, then plural endings, one step each. It
 * unifies оплакване / оплаквания / оплакването (→ оплакван) but not the definite plural оплакванията
 * (→ оплаквани), and it splits решение / решения into решени / решн (its {@code -ен → -н} rule fires only on
 * the plural). These are exactly the words customers and agents write: оплакване (complaint), плащане
 * (payment), обслужване (service), решение (decision), искане (request), all in four forms each.
 * <p>
 * The rule: a word ending in one of {@code -ията, -иите, -ието, -ия, -ии, -ие} loses that ending; a word ending
 * in a vowel + {@code -не} or {@code -нето} loses {@code -е}/{@code -ето}. The stem must keep at least three
 * letters, so short function words (ние, не) are never touched.
 */
final class BulgarianNounEndingFilter extends TokenFilter {

	private static final String[] IE_ENDINGS = { "ията", "иите", "ието", "ия", "ии", "ие" };

	private static final String[] NE_ENDINGS = { "нето", "не" };

	private static final int MIN_STEM = 3;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

	BulgarianNounEndingFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!input.incrementToken()) {
			return false;
		}
		if (keyword.isKeyword()) {
			return true;
		}
		int stemLength = stemLength(term.buffer(), term.length());
		if (stemLength != term.length()) {
			term.setLength(stemLength);
			keyword.setKeyword(true);
		}
		return true;
	}

	/** The length of the stem, or {@code length} when the word is not one of these nouns. */
	static int stemLength(char[] word, int length) {
		for (String ending : IE_ENDINGS) {
			if (length - ending.length() >= MIN_STEM && endsWith(word, length, ending)) {
				return length - ending.length();
			}
		}
		for (String ending : NE_ENDINGS) {
			int stem = length - ending.length() + 1; // keeps the н
			if (stem >= MIN_STEM + 1 && endsWith(word, length, ending) && isVowel(word[stem - 2])) {
				return stem;
			}
		}
		return length;
	}

	private static boolean endsWith(char[] word, int length, String ending) {
		if (length < ending.length()) {
			return false;
		}
		for (int i = 0; i < ending.length(); i++) {
			if (word[length - ending.length() + i] != ending.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isVowel(char c) {
		return "аъоуеиюя".indexOf(c) >= 0;
	}

}
