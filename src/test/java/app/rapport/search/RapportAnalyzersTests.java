package app.rapport.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The full-text analyzers")
class RapportAnalyzersTests {

	static final Analyzer ZH = RapportAnalyzers.chinese();

	static final Analyzer BG = RapportAnalyzers.bulgarian();

	static final Analyzer EN = RapportAnalyzers.english();

	@Nested
	@DisplayName("for Chinese")
	class Chinese {

		@Test
		void segmentsSimplifiedTextIntoWords() {
			assertThat(terms(ZH, "客户投诉处理延迟")).containsExactly("客户", "投诉", "处理", "延迟");
			assertThat(terms(ZH, "投诉")).containsExactly("投诉");
		}

		@Test
		void foldsTraditionalToSimplifiedBeforeSegmenting() {
			assertThat(terms(ZH, "客戶投訴處理延遲")).containsExactly("客户", "投诉", "处理", "延迟");
			assertThat(terms(ZH, "投訴")).containsExactly("投诉");
		}

		@Test
		void keepsOffsetsPointingIntoTheOriginalTraditionalText() {
			String text = "客戶投訴處理延遲";
			List<Token> tokens = tokens(ZH, text);
			assertThat(tokens).extracting(t -> text.substring(t.start(), t.end()))
				.containsExactly("客戶", "投訴", "處理", "延遲");
		}

		@Test
		void keepsOffsetsRightWhenNormalizationChangesTheLength() {
			// ㈱ (one character) folds to "(株)" (three): the offsets after it must still match the input.
			String text = "㈱客戶投訴";
			List<Token> tokens = tokens(ZH, text);
			assertThat(tokens).extracting(Token::term).contains("投诉");
			Token complaint = tokens.stream().filter(t -> t.term().equals("投诉")).findFirst().orElseThrow();
			assertThat(text.substring(complaint.start(), complaint.end())).isEqualTo("投訴");
		}

		@Test
		void foldsFullWidthLatinAndStemsLatinWords() {
			assertThat(terms(ZH, "Ｃｏｍｐｌａｉｎｔｓ 关于 iPhone")).containsExactly("complaint", "关于", "iphon");
		}

		@Test
		void dropsCyrillicLettersAndPunctuationThatSmartcnWouldSplitApart() {
			assertThat(terms(ZH, "投诉，оплакване! The complaints.")).containsExactly("投诉", "complaint");
		}

	}

	@Nested
	@DisplayName("for Bulgarian")
	class Bulgarian {

		@Test
		void givesEveryFormOfAComplaintOneStem() {
			for (String form : List.of("оплакване", "оплаквания", "оплакването", "оплакванията", "Оплакване")) {
				assertThat(terms(BG, form)).as(form).containsExactly("оплакван");
			}
		}

		@Test
		void givesEveryFormOfNounsInIeOneStem() {
			for (String form : List.of("решение", "решения", "решението", "решенията")) {
				assertThat(terms(BG, form)).as(form).containsExactly("решен");
			}
			for (String form : List.of("плащане", "плащания", "плащането", "плащанията")) {
				assertThat(terms(BG, form)).as(form).containsExactly("плащан");
			}
		}

		@Test
		void leavesOtherWordsToTheStockStemmer() {
			assertThat(terms(BG, "доставка доставки доставката")).containsExactly("доставк", "доставк", "доставк");
			assertThat(terms(BG, "клиент клиенти")).containsExactly("клиент", "клиент");
		}

		@Test
		void neverShortensFunctionWords() {
			assertThat(BulgarianNounEndingFilter.stemLength("ние".toCharArray(), 3)).isEqualTo(3);
			assertThat(BulgarianNounEndingFilter.stemLength("не".toCharArray(), 2)).isEqualTo(2);
			assertThat(BulgarianNounEndingFilter.stemLength("сине".toCharArray(), 4)).isEqualTo(4);
		}

		@Test
		void dropsStopWordsOfBothLanguagesAndIgnoresChineseCharacters() {
			assertThat(terms(BG, "оплакване за доставката и the 投诉")).containsExactly("оплакван", "доставк");
		}

	}

	@Nested
	@DisplayName("for English")
	class English {

		@Test
		void stemsPluralsAndPossessives() {
			assertThat(terms(EN, "complaints")).containsExactly("complaint");
			assertThat(terms(EN, "complaint")).containsExactly("complaint");
			assertThat(terms(EN, "The customer's complaints")).containsExactly("custom", "complaint");
		}

		@Test
		void foldsAccents() {
			assertThat(terms(EN, "José")).containsExactly("jose");
		}

		@Test
		void leavesChineseToTheChineseField() {
			assertThat(terms(EN, "投诉 complaints")).containsExactly("complaint");
		}

		@Test
		void dropsStopWordsOfBothLanguages() {
			assertThat(terms(EN, "the complaint and за")).containsExactly("complaint");
		}

	}

	@Nested
	@DisplayName("for a mixed-language text")
	class Mixed {

		@Test
		void everyLanguageFindsItsOwnWords() {
			String text = "Customer complaints 客户投訴 оплакванията";
			assertThat(terms(ZH, text)).contains("complaint", "客户", "投诉").doesNotContain("оплакван");
			assertThat(terms(BG, text)).contains("оплакван");
			assertThat(terms(EN, text)).contains("complaint").doesNotContain("投", "诉");
		}

	}

	@Test
	void traditionalToSimplifiedFilterCorrectsOffsetsOnItsOwn() throws IOException {
		TraditionalToSimplifiedCharFilter filter = new TraditionalToSimplifiedCharFilter(new StringReader("處理 ok"));
		char[] buffer = new char[16];
		int n = filter.read(buffer, 0, buffer.length);
		assertThat(new String(buffer, 0, n)).isEqualTo("处理 ok");
		assertThat(filter.correctOffset(2)).isEqualTo(2);
	}

	record Token(String term, int start, int end) {
	}

	static List<String> terms(Analyzer analyzer, String text) {
		return tokens(analyzer, text).stream().map(Token::term).toList();
	}

	static List<Token> tokens(Analyzer analyzer, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

}
