package app.rapport.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.rapport.shared.web.Languages;

/** The field rules of contacts and organizations, as plain checks that return every problem found. */
public final class CustomerRules {

	public static final int MAX_NAME = 300;

	public static final int MAX_VALUES_MOST = 1000;

	public static final int MAX_NOTES = 4000;

	public static final int MAX_TAG = 60;

	public static final int MAX_TAGS = 30;

	public static final int MAX_CONTACT_POINTS = 10;

	private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9\\p{L}]([a-z0-9\\p{L}-]{0,61}[a-z0-9\\p{L}])?\\.)+[a-z\\p{L}]{2,63}");

	private CustomerRules() {
	}

	/** Every problem with the details of a contact (organization existence is checked by the caller). */
	public static List<FieldProblem> checkContact(ContactDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		checkName(d.name(), problems);
		checkLength("latinName", d.latinName(), MAX_NAME, problems);
		if (d.emails().size() > MAX_CONTACT_POINTS) {
			problems.add(new FieldProblem("email", "tooMany", "at most " + MAX_CONTACT_POINTS + " e-mail addresses", String.valueOf(MAX_CONTACT_POINTS)));
		}
		for (String email : d.emails()) {
			if (!ContactPoints.isValidEmail(email)) {
				problems.add(new FieldProblem("email", "invalidEmail", "'" + clip(email) + "' is not a valid e-mail address"));
				break;
			}
		}
		if (d.phones().size() > MAX_CONTACT_POINTS) {
			problems.add(new FieldProblem("phone", "tooMany", "at most " + MAX_CONTACT_POINTS + " phone numbers", String.valueOf(MAX_CONTACT_POINTS)));
		}
		for (String phone : d.phones()) {
			if (!isValidPhone(phone)) {
				problems.add(new FieldProblem("phone", "invalidPhone",
						"'" + clip(phone) + "' is not a phone number (5 to 20 digits, optionally +, spaces, dashes, brackets)"));
				break;
			}
		}
		checkLanguage(d.language(), problems);
		if (d.preferredChannel() != null && !d.preferredChannel().isBlank() && parse(Channel.class, d.preferredChannel()) == null) {
			problems.add(new FieldProblem("preferredChannel", "invalidChoice", "must be one of " + List.of(Channel.values())));
		}
		checkLifecycle(d.lifecycleStage(), problems);
		if (d.organizationRole() != null && !d.organizationRole().isBlank()) {
			if (parse(ContactRole.class, d.organizationRole()) == null) {
				problems.add(new FieldProblem("organizationRole", "invalidChoice", "must be one of " + List.of(ContactRole.values())));
			}
			else if (d.organizationId() == null) {
				problems.add(new FieldProblem("organizationRole", "roleWithoutOrganization", "needs an organization"));
			}
		}
		checkLength("valuesMost", d.valuesMost(), MAX_VALUES_MOST, problems);
		checkLength("personalNotes", d.personalNotes(), MAX_NOTES, problems);
		checkTags(d.tags(), problems);
		return problems;
	}

	/** Every problem with the details of an organization. */
	public static List<FieldProblem> checkOrganization(OrganizationDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		checkName(d.name(), problems);
		checkLength("latinName", d.latinName(), MAX_NAME, problems);
		if (d.domain() != null && !d.domain().isBlank()
				&& (d.domain().trim().length() > 253 || !DOMAIN.matcher(d.domain().trim()).matches())) {
			problems.add(new FieldProblem("domain", "invalidDomain", "is not a domain name such as example.com"));
		}
		if (d.kind() != null && !d.kind().isBlank() && parse(OrganizationKind.class, d.kind()) == null) {
			problems.add(new FieldProblem("kind", "invalidChoice", "must be one of " + List.of(OrganizationKind.values())));
		}
		checkLifecycle(d.lifecycleStage(), problems);
		checkLanguage(d.language(), problems);
		checkLength("valuesMost", d.valuesMost(), MAX_VALUES_MOST, problems);
		checkLength("notes", d.notes(), MAX_NOTES, problems);
		checkTags(d.tags(), problems);
		return problems;
	}

	/** Problems with a logged interaction: kind, summary, duration (1 to 1440 minutes) and not in the future. */
	public static List<FieldProblem> checkInteraction(Interaction i, java.time.Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		String kind = i.kind() == null ? "" : i.kind().trim().toUpperCase(Locale.ROOT);
		if (!List.of("CALL", "VISIT", "MEETING", "NOTE").contains(kind)) {
			problems.add(new FieldProblem("kind", "invalidChoice", "must be one of CALL, VISIT, MEETING, NOTE"));
		}
		if (i.summary() == null || i.summary().isBlank()) {
			problems.add(new FieldProblem("summary", "required", "is required"));
		}
		else if (i.summary().trim().length() > 500) {
			problems.add(new FieldProblem("summary", "tooLong", "must be at most 500 characters", "500"));
		}
		if (i.durationMinutes() != null && (i.durationMinutes() < 1 || i.durationMinutes() > 1440)) {
			problems.add(new FieldProblem("durationMinutes", "invalidDuration", "must be between 1 and 1440 minutes"));
		}
		if (i.occurredAt() != null && i.occurredAt().isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
			problems.add(new FieldProblem("occurredAt", "inFuture", "must not be in the future"));
		}
		return problems;
	}

	public static boolean isValidPhone(String phone) {
		if (phone == null || phone.trim().length() > 60 || !phone.trim().matches("[+0-9 ()./\\-]+")) {
			return false;
		}
		String normalized = ContactPoints.normalizePhone(phone);
		return normalized != null && normalized.replace("+", "").length() <= 20;
	}

	/** The enum constant named by {@code value} (any case, dashes or spaces for underscores); {@code null} if none. */
	public static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	/** The supported language tag for {@code value} (case-insensitive, "zh_CN" accepted); {@code null} if none. */
	public static String language(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim().replace('_', '-');
		return Languages.TAGS.stream().filter(t -> t.equalsIgnoreCase(v)).findFirst().orElse(null);
	}

	private static void checkName(String name, List<FieldProblem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "required", "is required"));
		}
		else {
			checkLength("name", name.trim(), MAX_NAME, problems);
		}
	}

	private static void checkLanguage(String language, List<FieldProblem> problems) {
		if (language != null && !language.isBlank() && language(language) == null) {
			problems.add(new FieldProblem("language", "invalidLanguage", "must be one of " + Languages.TAGS));
		}
	}

	private static void checkLifecycle(String stage, List<FieldProblem> problems) {
		if (stage != null && !stage.isBlank() && parse(LifecycleStage.class, stage) == null) {
			problems.add(new FieldProblem("lifecycleStage", "invalidChoice", "must be one of " + List.of(LifecycleStage.values())));
		}
	}

	private static void checkTags(List<String> tags, List<FieldProblem> problems) {
		if (tags.size() > MAX_TAGS) {
			problems.add(new FieldProblem("tags", "tooMany", "at most " + MAX_TAGS + " tags", String.valueOf(MAX_TAGS)));
		}
		else if (tags.stream().anyMatch(t -> t.length() > MAX_TAG)) {
			problems.add(new FieldProblem("tags", "tooLong", "each tag must be at most " + MAX_TAG + " characters", String.valueOf(MAX_TAG)));
		}
	}

	private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "tooLong", "must be at most " + max + " characters", String.valueOf(max)));
		}
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 57) + "…" : s;
	}

}
