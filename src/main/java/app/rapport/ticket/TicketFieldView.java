package app.rapport.ticket;

import java.util.List;

/** An admin-defined ticket field as forms and the API show it. */
public record TicketFieldView(long id, String key, String label, FieldKind kind, List<String> choices, boolean active) {

	/** The choices one per line, as the admin form edits them. */
	public String choicesText() {
		return String.join("\n", choices);
	}

	static TicketFieldView of(TicketField f) {
		return new TicketFieldView(f.getId(), f.getKey(), f.getLabel(), f.getKind(), f.getChoices(), f.isActive());
	}

}
