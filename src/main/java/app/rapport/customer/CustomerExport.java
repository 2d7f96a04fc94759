package app.rapport.customer;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import app.rapport.shared.TabularExport;
import jakarta.persistence.EntityManager;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** CSV and XLSX export of the contact and organization lists, with the list's filters and localised headers. */
@Service
@Transactional(readOnly = true)
public class CustomerExport {

	private static final int BATCH = 500;

	private final ContactRepository contacts;

	private final OrganizationRepository organizations;

	private final CustomerAttributes attributes;

	private final MessageSource messages;

	private final EntityManager entityManager;

	CustomerExport(ContactRepository contacts, OrganizationRepository organizations, CustomerAttributes attributes,
			MessageSource messages, EntityManager entityManager) {
		this.contacts = contacts;
		this.organizations = organizations;
		this.attributes = attributes;
		this.messages = messages;
		this.entityManager = entityManager;
	}

	public void contacts(ContactFilter filter, TabularExport.Format format, Locale locale, OutputStream out) {
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.CONTACT);
		List<String> header = header(CustomerColumns.CONTACT, specs, locale);
		Stream<List<?>> rows = batches(page -> contacts.findAll(CustomerQueries.contacts(filter),
				PageRequest.of(page, BATCH, CustomerService.BY_NAME)))
			.flatMap(batch -> {
				Map<Long, String> orgNames = new HashMap<>();
				List<Long> orgIds = batch.stream().map(Contact::getOrganizationId).filter(java.util.Objects::nonNull).distinct().toList();
				if (!orgIds.isEmpty()) {
					organizations.findByIdIn(orgIds).forEach(o -> orgNames.put(o.getId(), o.getName()));
				}
				List<List<?>> result = batch.stream().<List<?>>map(c -> {
					List<Object> row = new ArrayList<>(List.of(c.getId(), c.getName(), nz(c.getLatinName()),
							String.join("; ", primaryFirst(c)),
							String.join("; ", c.getPhones().stream().map(PhoneNumber::getPhone).toList()), c.getLanguage(),
							nz(c.getPreferredChannel()), c.getLifecycleStage().name(), nz(orgNames.get(c.getOrganizationId())),
							nz(c.getOrganizationRole()), nz(c.getValuesMost()), nz(c.getPersonalNotes()),
							String.join("; ", c.getTags())));
					specs.forEach(s -> row.add(nz(c.getAttributes().get(s.key()))));
					return row;
				}).toList();
				entityManager.clear();
				return result.stream();
			});
		TabularExport.write(format, sheet("customer.contacts.title", locale), header, rows, out);
	}

	public void organizations(OrganizationFilter filter, TabularExport.Format format, Locale locale, OutputStream out) {
		List<AttributeSpec> specs = attributes.specs(AttributeTarget.ORGANIZATION);
		List<String> header = header(CustomerColumns.ORGANIZATION, specs, locale);
		Stream<List<?>> rows = batches(page -> organizations.findAll(CustomerQueries.organizations(filter),
				PageRequest.of(page, BATCH, CustomerService.BY_NAME)))
			.flatMap(batch -> {
				List<List<?>> result = batch.stream().<List<?>>map(o -> {
					List<Object> row = new ArrayList<>(List.of(o.getId(), o.getName(), nz(o.getLatinName()), nz(o.getDomain()),
							o.getKind().name(), o.getLifecycleStage().name(), o.getLanguage(), nz(o.getValuesMost()),
							nz(o.getNotes()), String.join("; ", o.getTags())));
					specs.forEach(s -> row.add(nz(o.getAttributes().get(s.key()))));
					return row;
				}).toList();
				entityManager.clear();
				return result.stream();
			});
		TabularExport.write(format, sheet("customer.organizations.title", locale), header, rows, out);
	}

	private List<String> header(List<String> columns, List<AttributeSpec> specs, Locale locale) {
		List<String> header = new ArrayList<>();
		header.add("id");
		columns.forEach(c -> header.add(messages.getMessage("customer.column." + c, null, c, locale)));
		specs.forEach(s -> header.add(s.label()));
		return header;
	}

	private String sheet(String key, Locale locale) {
		return messages.getMessage(key, null, "Export", locale);
	}

	/** Pages of entities until an empty one; each page is read only when the previous one was written. */
	private static <T> Stream<List<T>> batches(java.util.function.IntFunction<Page<T>> pageLoader) {
		return IntStream.iterate(0, i -> i + 1).mapToObj(pageLoader).takeWhile(p -> !p.isEmpty()).map(Page::getContent);
	}

	/** The e-mails with the primary one first: the import makes the first one primary, and the database keeps no order. */
	private static List<String> primaryFirst(Contact c) {
		List<String> emails = new ArrayList<>();
		if (c.getPrimaryEmail() != null) {
			emails.add(c.getPrimaryEmail());
		}
		c.getEmails().stream().filter(e -> !e.equals(c.getPrimaryEmail())).sorted().forEach(emails::add);
		return emails;
	}

	private static Object nz(Object value) {
		return value == null ? "" : value instanceof Enum<?> e ? e.name() : value;
	}

}
