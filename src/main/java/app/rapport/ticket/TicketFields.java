package app.rapport.ticket;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines the admin's custom ticket fields and checks values against them. */
@Service
@Transactional
public class TicketFields {

	private static final int MAX_VALUE_LENGTH = 2000;

	private final TicketFieldRepository fields;

	private final Clock clock;

	TicketFields(TicketFieldRepository fields, Clock clock) {
		this.fields = fields;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<TicketFieldView> all() {
		return fields.findAllByOrderBySortOrderAscIdAsc().stream().map(TicketFieldView::of).toList();
	}

	@Transactional(readOnly = true)
	public List<TicketFieldView> active() {
		return fields.findByActiveTrueOrderBySortOrderAscIdAsc().stream().map(TicketFieldView::of).toList();
	}

	/** Defines a new field; the key (lower case letters, digits, underscores) names it in the API. */
	public TicketFieldView define(String key, String label, FieldKind kind, List<String> choices) {
		String k = key == null ? "" : key.strip();
		if (!k.matches("[a-z][a-z0-9_]{0,59}")) {
			throw new InvalidInputException("key", "must start with a letter and use only a-z, 0-9 and _ (at most 60)");
		}
		checkLabel(label);
		if (kind == null) {
			throw new InvalidInputException("kind", "is required");
		}
		List<String> cleanChoices = cleanChoices(kind, choices);
		if (fields.findByKey(k).isPresent()) {
			throw new ConflictException("A ticket field with key " + k + " already exists.");
		}
		int order = fields.findAll().size();
		return TicketFieldView.of(fields.save(new TicketField(k, label.strip(), kind, cleanChoices, order, clock.instant())));
	}

	public TicketFieldView update(long id, String label, List<String> choices, boolean active) {
		TicketField field = fields.findById(id).orElseThrow(() -> new NotFoundException("Ticket field " + id));
		checkLabel(label);
		List<String> cleanChoices = cleanChoices(field.getKind(), choices);
		field.setLabel(label.strip());
		field.setChoices(cleanChoices);
		field.setActive(active);
		return TicketFieldView.of(field);
	}

	/**
	 * Checks values against the active fields and returns them normalized; a blank value maps to
	 * {@code null}, meaning "remove". Errors are reported per field as {@code customFields.<key>}.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> check(Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			// Nothing to check (no field is required): most tickets are opened without custom fields.
			return Map.of();
		}
		Map<String, TicketField> byKey = fields.findByActiveTrueOrderBySortOrderAscIdAsc()
			.stream()
			.collect(Collectors.toMap(TicketField::getKey, Function.identity()));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> normalized = new LinkedHashMap<>();
		values.forEach((key, raw) -> {
			TicketField field = byKey.get(key);
			String name = "customFields." + key;
			if (field == null) {
				errors.put(name, "is not a ticket field");
				return;
			}
			String value = raw == null ? "" : raw.strip();
			if (value.isEmpty()) {
				normalized.put(key, null);
				return;
			}
			String reason = problem(field, value);
			if (reason != null) {
				errors.put(name, reason);
			}
			else {
				normalized.put(key, field.getKind() == FieldKind.NUMBER ? new BigDecimal(value).toPlainString() : value);
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some custom field values are invalid.", errors);
		}
		return normalized;
	}

	private static String problem(TicketField field, String value) {
		if (value.length() > MAX_VALUE_LENGTH) {
			return "must be at most " + MAX_VALUE_LENGTH + " characters";
		}
		switch (field.getKind()) {
			case NUMBER -> {
				try {
					new BigDecimal(value);
				}
				catch (NumberFormatException ex) {
					return "must be a number";
				}
			}
			case DATE -> {
				try {
					LocalDate.parse(value);
				}
				catch (DateTimeParseException ex) {
					return "must be a date as YYYY-MM-DD";
				}
			}
			case CHOICE -> {
				if (!field.getChoices().contains(value)) {
					return "must be one of " + field.getChoices();
				}
			}
			case TEXT -> {
				// any text up to the length limit
			}
		}
		return null;
	}

	private static void checkLabel(String label) {
		if (label == null || label.isBlank() || label.strip().length() > 120) {
			throw new InvalidInputException("label", "must be 1 to 120 characters");
		}
	}

	private static List<String> cleanChoices(FieldKind kind, List<String> choices) {
		List<String> clean = new ArrayList<>();
		if (choices != null) {
			choices.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().forEach(clean::add);
		}
		if (kind == FieldKind.CHOICE && clean.isEmpty()) {
			throw new InvalidInputException("choices", "a choice field needs at least one choice");
		}
		if (clean.stream().anyMatch(c -> c.length() > 100)) {
			throw new InvalidInputException("choices", "each choice must be at most 100 characters");
		}
		return kind == FieldKind.CHOICE ? clean : List.of();
	}

}
