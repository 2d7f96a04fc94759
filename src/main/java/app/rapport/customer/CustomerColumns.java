package app.rapport.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of contact and organization files, shared by export and import so that an exported file
 * imports again. Header names are matched by key, by the localised label in any UI language, and for
 * custom attributes by key, label or {@code attr:key}.
 */
public final class CustomerColumns {

	public static final List<String> CONTACT = List.of("name", "latin_name", "email", "phone", "language",
			"preferred_channel", "lifecycle_stage", "organization", "organization_role", "values_most", "personal_notes",
			"tags");

	public static final List<String> ORGANIZATION = List.of("name", "latin_name", "domain", "kind", "lifecycle_stage",
			"language", "values_most", "notes", "tags");

	/** The column key of a custom attribute. */
	public static String attributeColumn(String attributeKey) {
		return "attr:" + attributeKey;
	}

	private CustomerColumns() {
	}

	/** Normalized header name → column key, for {@link CsvImport#read}. */
	public static Map<String, String> aliases(List<String> columns, List<AttributeSpec> specs,
			Function<String, List<String>> labelsOfColumn) {
		Map<String, String> aliases = new HashMap<>();
		for (AttributeSpec spec : specs) {
			String column = attributeColumn(spec.key());
			aliases.put(CsvImport.headerKey(spec.label()), column);
			aliases.put(CsvImport.headerKey(spec.key()), column);
			aliases.put(CsvImport.headerKey(column), column);
		}
		for (String column : columns) {
			for (String label : labelsOfColumn.apply(column)) {
				aliases.put(CsvImport.headerKey(label), column);
			}
			aliases.put(CsvImport.headerKey(column), column);
		}
		// Common spellings people use in their own files.
		aliases.putIfAbsent("e-mail".replace("-", ""), "email");
		aliases.putIfAbsent("emails", "email");
		aliases.putIfAbsent("phones", "phone");
		aliases.putIfAbsent("company", columns.contains("organization") ? "organization" : "name");
		return aliases;
	}

}
