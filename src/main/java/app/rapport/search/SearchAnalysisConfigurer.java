package app.rapport.search;

import app.rapport.shared.TextAnalyzers;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** Defines the analyzers named in {@link TextAnalyzers}: one per language family. */
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(TextAnalyzers.ZH)
			.custom()
			.tokenizer("hmmChinese")
			.charFilter(TraditionalToSimplifiedCharFilterFactory.class)
			.tokenFilter("lowercase")
			.tokenFilter("porterStem");
		context.analyzer(TextAnalyzers.BG)
			.custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("bulgarianStem");
		context.analyzer(TextAnalyzers.EN)
			.custom()
			.tokenizer("standard")
			.tokenFilter("englishPossessive")
			.tokenFilter("lowercase")
			.tokenFilter("porterStem");
		context.normalizer(TextAnalyzers.KEYWORD).custom().tokenFilter("lowercase");
	}

}
