package app.rapport.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.CharFilterFactory;

/** Folds Traditional Chinese to Simplified before segmentation, so 投訴 and 投诉 index alike. */
public class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {

	private static final ThreadLocal<Transliterator> TRANSLITERATOR = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
		super(args);
	}

	/** For Lucene's service loader. */
	public TraditionalToSimplifiedCharFilterFactory() {
		throw defaultCtorException();
	}

	@Override
	public Reader create(Reader input) {
		try {
			StringBuilder sb = new StringBuilder();
			char[] buffer = new char[4096];
			int n;
			while ((n = input.read(buffer)) != -1) {
				sb.append(buffer, 0, n);
			}
			// The transform maps one character to one character, so offsets stay valid.
			return new StringReader(TRANSLITERATOR.get().transliterate(sb.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
