package app.rapport.shared;

/**
 * Names of the full-text analyzers (defined in the search module). A text property is indexed once
 * per language family, as {@code <property>_zh}, {@code <property>_bg} and {@code <property>_en}.
 */
public final class TextAnalyzers {

	/** Simplified and Traditional Chinese: Traditional folded to Simplified, then smartcn word segmentation. */
	public static final String ZH = "rapport_zh";

	/** Bulgarian: Cyrillic-aware tokens, Bulgarian stop words and stemming. */
	public static final String BG = "rapport_bg";

	/** English (and other Latin text): possessives, stop words, Porter stemming. */
	public static final String EN = "rapport_en";

	/** Exact values (e-mails, phones, tags) compared case-insensitively. */
	public static final String KEYWORD = "rapport_keyword";

	private TextAnalyzers() {
	}

}
