package app.rapport.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns the rows of an imported file into contact or organization details and finds every reason a row
 * cannot be imported: broken field rules, unknown organizations, duplicates inside the file and against
 * the customer file. Pure; lookups are passed in.
 */
public final class ImportRules {

	/** What separates several e-mails in one cell ("a@x.cn; b@x.cn", also commas and spaces). */
	static final String EMAIL_SEPARATORS = ";,\\s";

	/** What separates several phone numbers in one cell: only semicolons, as a phone number holds spaces. */
	static final String PHONE_SEPARATORS = ";";

	private ImportRules() {
	}

	/** A row that can be imported. */
	public record Planned<T>(int line, T details) {
	}

	/** Every row's fate: the importable rows and the problems of the others. */
	public record Plan<T>(int rows, List<Planned<T>> valid, List<ImportProblem> problems) {
	}

	public static Plan<ContactDetails> contacts(CsvImport.Table table, List<AttributeSpec> specs,
			Function<String, Optional<Long>> organizationByName,
			BiFunction<List<String>, List<String>, Optional<DuplicateCheck.Duplicate>> existingDuplicate) {
		List<ImportProblem> problems = new ArrayList<>(table.problems());
		List<Planned<ContactDetails>> valid = new ArrayList<>();
		DuplicateCheck.WithinFile seen = new DuplicateCheck.WithinFile();
		for (CsvImport.Row row : table.rows()) {
			List<FieldProblem> rowProblems = new ArrayList<>();
			Long organizationId = null;
			String organization = row.get("organization");
			if (organization != null) {
				organizationId = organizationByName.apply(organization).orElse(null);
				if (organizationId == null) {
					rowProblems.add(new FieldProblem("organization", "unknownOrganizationName",
							"no organization named '" + organization + "' (import organizations first)", organization));
				}
			}
			List<String> emails = CsvImport.split(row.get("email"), EMAIL_SEPARATORS);
			List<String> phones = CsvImport.split(row.get("phone"), PHONE_SEPARATORS);
			ContactDetails details = new ContactDetails(row.get("name"), row.get("latin_name"), emails, phones,
					row.get("language"), row.get("preferred_channel"), row.get("lifecycle_stage"), organizationId,
					organizationId == null ? null : row.get("organization_role"), row.get("values_most"),
					row.get("personal_notes"), CsvImport.split(row.get("tags"), ";,"), attributesOf(row));
			rowProblems.addAll(CustomerRules.checkContact(details));
			Map<String, String> normalized = AttributeRules.normalizeAll(details.attributes(), specs, rowProblems);
			Optional<Integer> earlier = seen.earlierLine(row.line(), emails, phones);
			if (earlier.isPresent()) {
				rowProblems.add(new FieldProblem(emails.isEmpty() ? "phone" : "email", "duplicateInFile",
						"same e-mail or phone as line " + earlier.get(), String.valueOf(earlier.get())));
			}
			else if (rowProblems.isEmpty()) {
				existingDuplicate.apply(emails, phones)
					.ifPresent(d -> rowProblems.add(new FieldProblem(d.field(), "duplicateExisting", d.describe(),
							d.existingName() + " (#" + d.existingId() + ")")));
			}
			add(row, rowProblems, problems, valid, withAttributes(details, normalized));
		}
		return new Plan<>(table.rows().size(), valid, problems);
	}

	public static Plan<OrganizationDetails> organizations(CsvImport.Table table, List<AttributeSpec> specs,
			Function<String, Optional<OrganizationChoice>> existingByName) {
		List<ImportProblem> problems = new ArrayList<>(table.problems());
		List<Planned<OrganizationDetails>> valid = new ArrayList<>();
		DuplicateCheck.WithinFile seen = new DuplicateCheck.WithinFile();
		for (CsvImport.Row row : table.rows()) {
			OrganizationDetails details = new OrganizationDetails(row.get("name"), row.get("latin_name"), row.get("domain"),
					row.get("kind"), row.get("lifecycle_stage"), row.get("language"), row.get("values_most"),
					row.get("notes"), CsvImport.split(row.get("tags"), ";,"), attributesOf(row));
			List<FieldProblem> rowProblems = new ArrayList<>(CustomerRules.checkOrganization(details));
			Map<String, String> normalized = AttributeRules.normalizeAll(details.attributes(), specs, rowProblems);
			if (details.name() != null) {
				String key = details.name().trim().toLowerCase(Locale.ROOT);
				Optional<Integer> earlier = seen.earlierLine(row.line(), key);
				if (earlier.isPresent()) {
					rowProblems.add(new FieldProblem("name", "duplicateInFile", "same name as line " + earlier.get(),
							String.valueOf(earlier.get())));
				}
				else {
					existingByName.apply(details.name())
						.ifPresent(o -> rowProblems.add(new FieldProblem("name", "duplicateExisting",
								"an organization with this name already exists: " + o.name() + " (#" + o.id() + ")",
								o.name() + " (#" + o.id() + ")")));
				}
			}
			add(row, rowProblems, problems, valid, new OrganizationDetails(details.name(), details.latinName(),
					details.domain(), details.kind(), details.lifecycleStage(), details.language(), details.valuesMost(),
					details.notes(), details.tags(), normalized));
		}
		return new Plan<>(table.rows().size(), valid, problems);
	}

	private static <T> void add(CsvImport.Row row, List<FieldProblem> rowProblems, List<ImportProblem> problems,
			List<Planned<T>> valid, T details) {
		if (rowProblems.isEmpty()) {
			valid.add(new Planned<>(row.line(), details));
		}
		else {
			rowProblems.forEach(p -> problems.add(ImportProblem.of(row.line(), p)));
		}
	}

	private static Map<String, String> attributesOf(CsvImport.Row row) {
		Map<String, String> attributes = new LinkedHashMap<>();
		row.values().forEach((column, value) -> {
			if (column.startsWith("attr:") && value != null && !value.isBlank()) {
				attributes.put(column.substring(5), value);
			}
		});
		return attributes;
	}

	private static ContactDetails withAttributes(ContactDetails d, Map<String, String> attributes) {
		return new ContactDetails(d.name(), d.latinName(), d.emails(), d.phones(), d.language(), d.preferredChannel(),
				d.lifecycleStage(), d.organizationId(), d.organizationRole(), d.valuesMost(), d.personalNotes(), d.tags(),
				attributes);
	}

}
