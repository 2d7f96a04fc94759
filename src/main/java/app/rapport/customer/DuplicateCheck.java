package app.rapport.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The duplicate rule: two live contacts may not share a normalized e-mail address or phone number
 * (see {@link ContactPoints}). Pure; the caller looks up the candidates.
 */
public final class DuplicateCheck {

	private DuplicateCheck() {
	}

	/** An existing contact with its normalized e-mails and phones. */
	public record Candidate(long id, String name, Set<String> emails, Set<String> phones) {

		static Candidate of(Contact c) {
			Set<String> phones = new LinkedHashSet<>();
			c.getPhones().forEach(p -> phones.add(p.getNormalized()));
			return new Candidate(c.getId(), c.getName(), Set.copyOf(c.getEmails()), phones);
		}

	}

	/** The contact that already has {@code value} in {@code field} ("email" or "phone"). */
	public record Duplicate(long existingId, String existingName, String field, String value) {

		public String describe() {
			String what = "email".equals(field) ? "e-mail address " : "phone number ";
			return "A contact with the " + what + value + " already exists: " + existingName + " (#" + existingId + ").";
		}

	}

	/** Normal forms of the given e-mail addresses, blanks dropped. */
	public static Set<String> normalizedEmails(Collection<String> emails) {
		Set<String> result = new LinkedHashSet<>();
		emails.stream().map(ContactPoints::normalizeEmail).filter(Objects::nonNull).forEach(result::add);
		return result;
	}

	/** Normal forms of the given phone numbers, unusable ones dropped. */
	public static Set<String> normalizedPhones(Collection<String> phones) {
		Set<String> result = new LinkedHashSet<>();
		phones.stream().map(ContactPoints::normalizePhone).filter(Objects::nonNull).forEach(result::add);
		return result;
	}

	/**
	 * The first existing contact (other than {@code selfId}) sharing one of the given e-mails or phones;
	 * e-mail matches are reported before phone matches.
	 */
	public static Optional<Duplicate> find(Collection<String> emails, Collection<String> phones, Long selfId,
			Collection<Candidate> existing) {
		Set<String> e = normalizedEmails(emails);
		Set<String> p = normalizedPhones(phones);
		List<Candidate> others = existing.stream().filter(c -> selfId == null || c.id() != selfId).toList();
		for (String email : e) {
			for (Candidate c : others) {
				if (c.emails().contains(email)) {
					return Optional.of(new Duplicate(c.id(), c.name(), "email", email));
				}
			}
		}
		for (String phone : p) {
			for (Candidate c : others) {
				if (c.phones().contains(phone)) {
					return Optional.of(new Duplicate(c.id(), c.name(), "phone", phone));
				}
			}
		}
		return Optional.empty();
	}

	/** Finds duplicates among the rows of one file: remembers the first line that used each e-mail or phone. */
	public static final class WithinFile {

		private final Map<String, Integer> lineByKey = new HashMap<>();

		/**
		 * The earlier line that used one of these e-mails or phones, if any; otherwise remembers them
		 * for {@code line} and answers empty.
		 */
		public Optional<Integer> earlierLine(int line, Collection<String> emails, Collection<String> phones) {
			Set<String> keys = new LinkedHashSet<>();
			normalizedEmails(emails).forEach(e -> keys.add("e:" + e));
			normalizedPhones(phones).forEach(p -> keys.add("p:" + p));
			for (String key : keys) {
				Integer earlier = lineByKey.get(key);
				if (earlier != null) {
					return Optional.of(earlier);
				}
			}
			keys.forEach(k -> lineByKey.put(k, line));
			return Optional.empty();
		}

		/** The same for a single key such as an organization's name. */
		public Optional<Integer> earlierLine(int line, String key) {
			Integer earlier = lineByKey.putIfAbsent(key, line);
			return Optional.ofNullable(earlier);
		}

	}

}
