package app.rapport.shared;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Cleans HTML that came from outside (e-mails, API, pasted text) down to safe formatting. */
public final class HtmlSanitizer {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.STYLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br", "span").toFactory());

	private HtmlSanitizer() {
	}

	/** Safe HTML for the given untrusted HTML; never {@code null}. */
	public static String sanitize(String untrustedHtml) {
		return untrustedHtml == null ? "" : POLICY.sanitize(untrustedHtml);
	}

	/** Plain text of an HTML fragment, for indexing and previews. */
	public static String toPlainText(String html) {
		if (html == null) {
			return "";
		}
		return org.jsoup.Jsoup.parse(html).text();
	}

}
