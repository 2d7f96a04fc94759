package app.rapport.search;

import java.io.Reader;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianStemFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The three full-text analyzers, one per language family, registered with Hibernate Search by
 * {@link SearchAnalysisConfigurer} and used as they are by the unit tests.
 * <p>
 * Every text property is indexed by all three, and a query term matches when it matches in any of them
 * (see {@code SearchService}), so each analyzer only has to be right for its own script and must stay
 * silent on the others: a mixed document (投诉 + complaint + оплакване) is found by a query in any of the
 * languages, and a query never matches noise such as a single Chinese character or Cyrillic letter.
 * <p>
 * All three drop the English and the Bulgarian stop words. The two lists share no word (Latin versus
 * Cyrillic), and dropping them everywhere is what keeps a query like {@code "the complaint"} or
 * {@code "оплакване за доставка"} working: a word that one field drops but another keeps would otherwise
 * have to be present in the document.
 */
final class RapportAnalyzers {

	static final CharArraySet STOP_WORDS = stopWords();

	private RapportAnalyzers() {
	}

	/**
	 * Simplified and Traditional Chinese, plus Latin words inside Chinese text: NFKC case folding (full-width
	 * Ｉｐｈｏｎｅ１５ becomes iphone15), Traditional folded to Simplified, smartcn's HMM word segmentation,
	 * Porter stemming for the Latin words.
	 */
	static Analyzer chinese() {
		return new Analyzer() {
			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return chineseCharFilters(reader);
			}

			@Override
			protected Reader initReaderForNormalization(String fieldName, Reader reader) {
				return chineseCharFilters(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new HMMChineseTokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = ScriptFilter.hanAndLatin(stream);
				stream = new StopFilter(stream, STOP_WORDS);
				stream = new PorterStemFilter(stream);
				return new TokenStreamComponents(tokenizer, stream);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new LowerCaseFilter(in);
			}
		};
	}

	/**
	 * Bulgarian: Unicode word tokens, stop words, {@link BulgarianNounEndingFilter} and Lucene's light
	 * Bulgarian stemmer (оплакване, оплаквания, оплакванията all become оплакван).
	 */
	static Analyzer bulgarian() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = ScriptFilter.withoutIdeographs(stream);
				stream = new StopFilter(stream, STOP_WORDS);
				stream = new BulgarianNounEndingFilter(stream);
				stream = new BulgarianStemFilter(stream);
				return new TokenStreamComponents(tokenizer, stream);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new LowerCaseFilter(in);
			}
		};
	}

	/** English and other Latin-script text: possessives, accents folded (José = jose), Porter stemming. */
	static Analyzer english() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new EnglishPossessiveFilter(tokenizer);
				stream = new LowerCaseFilter(stream);
				stream = ScriptFilter.withoutIdeographs(stream);
				stream = new ASCIIFoldingFilter(stream);
				stream = new StopFilter(stream, STOP_WORDS);
				stream = new PorterStemFilter(stream);
				return new TokenStreamComponents(tokenizer, stream);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ASCIIFoldingFilter(new LowerCaseFilter(in));
			}
		};
	}

	private static Reader chineseCharFilters(Reader reader) {
		Reader folded = new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCCasefoldInstance());
		return new TraditionalToSimplifiedCharFilter(folded);
	}

	private static CharArraySet stopWords() {
		CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
		words.addAll(BulgarianAnalyzer.getDefaultStopSet());
		return CharArraySet.unmodifiableSet(words);
	}

}
