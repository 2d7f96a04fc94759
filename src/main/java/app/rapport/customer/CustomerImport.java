package app.rapport.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import app.rapport.shared.web.Languages;
import jakarta.persistence.EntityManager;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import of contacts and organizations. A dry run reports every bad row (line, field, reason) and
 * writes nothing; a confirmed import writes every valid row, in one transaction, and reports the rest.
 * <p>
 * Time grows linearly with the file: the e-mails and phones a file names are looked up in a few
 * {@code in} queries of {@link #LOOKUP_CHUNK} values and its organizations in one pass over the
 * organizations (not once per row), duplicates inside the file are found in memory, and rows are
 * written {@link #BATCH} at a time, each batch flushed and then cleared from the persistence context
 * so that no flush ever goes over more than one batch.
 */
@Service
@Transactional
public class CustomerImport {

	/** Rows written between two flushes (and progress reports). */
	static final int BATCH = 500;

	/** Values per {@code in (...)} lookup: well below every database's parameter limit. */
	static final int LOOKUP_CHUNK = 1_000;

	/** Organizations read per query when looking for names. */
	static final int SCAN_PAGE = 10_000;

	private final CustomerService customers;

	private final CustomerAttributes attributes;

	private final OrganizationRepository organizations;

	private final ContactRepository contacts;

	private final EntityManager entityManager;

	private final MessageSource messages;

	CustomerImport(CustomerService customers, CustomerAttributes attributes, OrganizationRepository organizations,
			ContactRepository contacts, EntityManager entityManager, MessageSource messages) {
		this.customers = customers;
		this.attributes = attributes;
		this.organizations = organizations;
		this.contacts = contacts;
		this.entityManager = entityManager;
		this.messages = messages;
	}

	/** What importing the file would do, writing nothing; refused when the encoding is unknown or wrong. */
	@Transactional(readOnly = true)
	public ImportReport dryRun(ImportTarget target, byte[] file, String charset) {
		return run(target, file, charset, true, null, ImportProgress.NONE);
	}

	/** Imports every valid row of the file in this transaction and reports the others. */
	ImportReport write(ImportTarget target, byte[] file, String charset, Long actor, ImportProgress progress) {
		return run(target, file, charset, false, actor, progress);
	}

	private ImportReport run(ImportTarget target, byte[] file, String charset, boolean dryRun, Long actor,
			ImportProgress progress) {
		CsvImport.Decoded decoded = withoutNul(CsvImport.decode(file, charset));
		return target == ImportTarget.CONTACTS ? contacts(decoded, dryRun, actor, progress)
				: organizations(decoded, dryRun, actor, progress);
	}

	private ImportReport contacts(CsvImport.Decoded decoded, boolean dryRun, Long actor, ImportProgress progress) {
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.CONTACT);
		CsvImport.Table table = CsvImport.read(decoded.text(), CustomerColumns.aliases(CustomerColumns.CONTACT, specs, this::labels));
		progress.checking(table.rows().size());
		Map<String, OrganizationChoice> named = organizationsNamedIn(table);
		ExistingContactPoints existing = existingContactPoints(table);
		ImportRules.Plan<ContactDetails> plan = ImportRules.contacts(table, specs,
				name -> Optional.ofNullable(named.get(organizationKey(name))).map(OrganizationChoice::id), existing::duplicateOf);
		int created = 0;
		if (!dryRun) {
			Map<Long, String> labels = new HashMap<>();
			named.values().forEach(o -> labels.put(o.id(), "#" + o.id() + " " + o.name()));
			int total = plan.valid().size();
			progress.writing(0, total);
			for (ImportRules.Planned<ContactDetails> row : plan.valid()) {
				customers.createImportedContact(row.details(), labels.get(row.details().organizationId()), actor);
				created++;
				if (created % BATCH == 0 || created == total) {
					endBatch();
					progress.writing(created, total);
				}
			}
		}
		return ImportReport.of(dryRun, decoded.charsetName(), plan.rows(), plan.valid().size(), created, table.ignoredColumns(),
				plan.problems());
	}

	private ImportReport organizations(CsvImport.Decoded decoded, boolean dryRun, Long actor, ImportProgress progress) {
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.ORGANIZATION);
		CsvImport.Table table = CsvImport.read(decoded.text(),
				CustomerColumns.aliases(CustomerColumns.ORGANIZATION, specs, this::labels));
		progress.checking(table.rows().size());
		Map<String, OrganizationChoice> existing = organizationsByLowerName(
				table.rows().stream().map(row -> row.get("name")).filter(n -> n != null).map(CustomerImport::lower).toList());
		ImportRules.Plan<OrganizationDetails> plan = ImportRules.organizations(table, specs,
				name -> Optional.ofNullable(existing.get(lower(name))));
		int created = 0;
		if (!dryRun) {
			int total = plan.valid().size();
			progress.writing(0, total);
			for (ImportRules.Planned<OrganizationDetails> row : plan.valid()) {
				customers.createImportedOrganization(row.details(), actor);
				created++;
				if (created % BATCH == 0 || created == total) {
					endBatch();
					progress.writing(created, total);
				}
			}
		}
		return ImportReport.of(dryRun, decoded.charsetName(), plan.rows(), plan.valid().size(), created, table.ignoredColumns(),
				plan.problems());
	}

	/** Writes the batch and forgets its entities, so that the next flush only looks at the next batch. */
	private void endBatch() {
		entityManager.flush();
		entityManager.clear();
	}

	/**
	 * Refuses a file with U+0000 before any cell reaches a lookup: PostgreSQL cannot compare or store the
	 * character (H2 can), so it is refused the same on both, with the line, for every kind of import.
	 */
	static CsvImport.Decoded withoutNul(CsvImport.Decoded decoded) {
		int at = decoded.text().indexOf('\u0000');
		if (at >= 0) {
			long line = decoded.text().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
			throw new CustomerInputException(List.of(new FieldProblem("file", "forbiddenCharacter",
					"contains the character U+0000 on line " + line + " (if the file is UTF-16, save it as UTF-8)",
					String.valueOf(line))));
		}
		return decoded;
	}

	/**
	 * The organizations the file's organization column names, by {@link #organizationKey}: "#12" by id,
	 * anything else by name, case-insensitively.
	 */
	private Map<String, OrganizationChoice> organizationsNamedIn(CsvImport.Table table) {
		Set<Long> ids = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (CsvImport.Row row : table.rows()) {
			String cell = row.get("organization");
			if (cell == null) {
				continue;
			}
			Long id = idReference(cell);
			if (id != null) {
				ids.add(id);
			}
			else {
				names.add(lower(cell));
			}
		}
		Map<String, OrganizationChoice> found = new HashMap<>(organizationsByLowerName(names));
		inChunks(ids, organizations::choicesByIds).forEach(o -> found.put("#" + o.id(), o));
		return found;
	}

	/**
	 * The organizations with these lower-cased names. Names are compared lower-cased, which no index
	 * serves (H2 has no expression indexes): rather than one full scan per chunk of names, one pass
	 * over all organizations' ids and names, {@link #SCAN_PAGE} at a time, keeps the ones named.
	 */
	private Map<String, OrganizationChoice> organizationsByLowerName(Collection<String> lowerNames) {
		Set<String> wanted = new HashSet<>(lowerNames);
		Map<String, OrganizationChoice> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		long after = 0;
		while (true) {
			List<OrganizationChoice> page = organizations.choicesAfter(after, PageRequest.of(0, SCAN_PAGE));
			for (OrganizationChoice o : page) {
				String key = lower(o.name());
				if (wanted.contains(key)) {
					found.putIfAbsent(key, o);
				}
			}
			if (page.size() < SCAN_PAGE) {
				return found;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	/** The key {@link #organizationsNamedIn} files an organization cell under. */
	private static String organizationKey(String cell) {
		Long id = idReference(cell);
		return id != null ? "#" + id : lower(cell);
	}

	private static Long idReference(String cell) {
		String trimmed = cell.trim();
		return trimmed.startsWith("#") && trimmed.substring(1).matches("\\d{1,18}") ? Long.valueOf(trimmed.substring(1)) : null;
	}

	private static String lower(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

	/** The live contacts that already have one of the file's e-mails or phones, looked up in a few queries. */
	private ExistingContactPoints existingContactPoints(CsvImport.Table table) {
		Set<String> emails = new LinkedHashSet<>();
		Set<String> phones = new LinkedHashSet<>();
		for (CsvImport.Row row : table.rows()) {
			emails.addAll(DuplicateCheck.normalizedEmails(CsvImport.split(row.get("email"), ImportRules.EMAIL_SEPARATORS)));
			phones.addAll(DuplicateCheck.normalizedPhones(CsvImport.split(row.get("phone"), ImportRules.PHONE_SEPARATORS)));
		}
		ExistingContactPoints existing = new ExistingContactPoints();
		inChunks(emails, contacts::ownersOfEmails).forEach(r -> existing.emails.put((String) r[0], owner(r)));
		inChunks(phones, contacts::ownersOfPhones).forEach(r -> existing.phones.put((String) r[0], owner(r)));
		return existing;
	}

	private static Owner owner(Object[] row) {
		return new Owner((Long) row[1], (String) row[2]);
	}

	/** The contact that has an e-mail or phone. */
	private record Owner(long id, String name) {
	}

	private static <K, R> List<R> inChunks(Collection<K> keys, Function<List<K>, List<R>> query) {
		List<K> all = List.copyOf(keys);
		List<R> result = new ArrayList<>();
		for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
			result.addAll(query.apply(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))));
		}
		return result;
	}

	/** Normalized e-mails and phones of existing contacts, with the id and name of the contact that has them. */
	private static final class ExistingContactPoints {

		final Map<String, Owner> emails = new HashMap<>();

		final Map<String, Owner> phones = new HashMap<>();

		/** The same answer as {@link CustomerService#findDuplicate}, from the values looked up beforehand. */
		Optional<DuplicateCheck.Duplicate> duplicateOf(List<String> rowEmails, List<String> rowPhones) {
			Map<Long, DuplicateCheck.Candidate> candidates = new HashMap<>();
			for (String email : DuplicateCheck.normalizedEmails(rowEmails)) {
				Owner owner = emails.get(email);
				if (owner != null) {
					candidate(candidates, owner).emails().add(email);
				}
			}
			for (String phone : DuplicateCheck.normalizedPhones(rowPhones)) {
				Owner owner = phones.get(phone);
				if (owner != null) {
					candidate(candidates, owner).phones().add(phone);
				}
			}
			return candidates.isEmpty() ? Optional.empty()
					: DuplicateCheck.find(rowEmails, rowPhones, null, candidates.values());
		}

		private static DuplicateCheck.Candidate candidate(Map<Long, DuplicateCheck.Candidate> candidates, Owner owner) {
			return candidates.computeIfAbsent(owner.id(),
					id -> new DuplicateCheck.Candidate(id, owner.name(), new LinkedHashSet<>(), new LinkedHashSet<>()));
		}

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
