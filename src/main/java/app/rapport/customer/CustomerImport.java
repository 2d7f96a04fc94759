package app.rapport.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.rapport.shared.web.Languages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import of contacts and organizations. A dry run reports every bad row (line, field, reason) and
 * writes nothing; a confirmed import writes every valid row, in one transaction, and reports the rest.
 */
@Service
@Transactional
public class CustomerImport {

	private final CustomerService customers;

	private final CustomerAttributes attributes;

	private final OrganizationRepository organizations;

	private final MessageSource messages;

	CustomerImport(CustomerService customers, CustomerAttributes attributes, OrganizationRepository organizations,
			MessageSource messages) {
		this.customers = customers;
		this.attributes = attributes;
		this.organizations = organizations;
		this.messages = messages;
	}

	public ImportReport importContacts(byte[] file, String charset, boolean dryRun, Long actor) {
		CsvImport.Decoded decoded = CsvImport.decode(file, charset);
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.CONTACT);
		CsvImport.Table table = CsvImport.read(decoded.text(), CustomerColumns.aliases(CustomerColumns.CONTACT, specs, this::labels));
		ImportRules.Plan<ContactDetails> plan = ImportRules.contacts(table, specs, this::organizationIdByName,
				(emails, phones) -> customers.findDuplicate(emails, phones, null));
		int created = 0;
		if (!dryRun) {
			for (ImportRules.Planned<ContactDetails> row : plan.valid()) {
				customers.createContact(row.details(), actor);
				created++;
			}
		}
		return report(dryRun, decoded, plan.rows(), plan.valid().size(), created, table, plan.problems());
	}

	public ImportReport importOrganizations(byte[] file, String charset, boolean dryRun, Long actor) {
		CsvImport.Decoded decoded = CsvImport.decode(file, charset);
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.ORGANIZATION);
		CsvImport.Table table = CsvImport.read(decoded.text(),
				CustomerColumns.aliases(CustomerColumns.ORGANIZATION, specs, this::labels));
		ImportRules.Plan<OrganizationDetails> plan = ImportRules.organizations(table, specs,
				name -> customers.organizationNamed(name, null));
		int created = 0;
		if (!dryRun) {
			for (ImportRules.Planned<OrganizationDetails> row : plan.valid()) {
				customers.createOrganization(row.details(), actor);
				created++;
			}
		}
		return report(dryRun, decoded, plan.rows(), plan.valid().size(), created, table, plan.problems());
	}

	private static ImportReport report(boolean dryRun, CsvImport.Decoded decoded, int rows, int valid, int created,
			CsvImport.Table table, List<ImportProblem> problems) {
		List<ImportProblem> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparingInt(ImportProblem::line));
		return new ImportReport(dryRun, decoded.charsetName(), rows, valid, created, table.ignoredColumns(), sorted);
	}

	private Optional<Long> organizationIdByName(String name) {
		String trimmed = name.trim();
		if (trimmed.startsWith("#") && trimmed.substring(1).matches("\\d{1,18}")) {
			long id = Long.parseLong(trimmed.substring(1));
			return organizations.existsById(id) ? Optional.of(id) : Optional.empty();
		}
		return organizations.findByLowerNames(List.of(trimmed.toLowerCase(Locale.ROOT))).stream().findFirst().map(Organization::getId);
	}

	/** The column's header in every UI language. */
	List<String> labels(String column) {
		return Languages.LOCALES.stream()
			.map(locale -> messages.getMessage("customer.column." + column, null, column, locale))
			.distinct()
			.toList();
	}

	/** The column's header in one language, for exports. */
	public String label(String column, Locale locale) {
		return messages.getMessage("customer.column." + column, null, column, locale);
	}

	Map<String, String> contactAliases() {
		return CustomerColumns.aliases(CustomerColumns.CONTACT, attributes.specs(AttributeTarget.CONTACT), this::labels);
	}

}
