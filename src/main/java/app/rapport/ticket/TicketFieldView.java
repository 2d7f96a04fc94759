package app.rapport.ticket;

import java.util.List;

/** An admin-defined ticket field as forms and the API show it. */
public record TicketFieldView(long id, String key, String label, FieldKind kind, List<String> choices, boolean active) {

	static TicketFieldView of(TicketField f) {
		return new TicketFieldView(f.getId(), f.getKey(), f.getLabel(), f.getKind(), f.getChoices(), f.isActive());
	}

}
