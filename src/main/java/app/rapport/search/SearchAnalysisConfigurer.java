package app.rapport.search;

import app.rapport.shared.TextAnalyzers;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines the analyzers named in {@link TextAnalyzers}: one per language family, built by
 * {@link RapportAnalyzers} so that the unit tests run exactly what the index runs.
 */
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(TextAnalyzers.ZH).instance(RapportAnalyzers.chinese());
		context.analyzer(TextAnalyzers.BG).instance(RapportAnalyzers.bulgarian());
		context.analyzer(TextAnalyzers.EN).instance(RapportAnalyzers.english());
		context.normalizer(TextAnalyzers.KEYWORD).custom().tokenFilter("lowercase");
	}

}
