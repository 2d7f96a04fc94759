package app.rapport.customer;

import java.util.List;

/** What a custom attribute accepts: its key, label, type and (for choices) options. */
public record AttributeSpec(String key, String label, AttributeType type, List<String> options) {
}
