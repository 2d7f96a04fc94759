package app.rapport.customer;

import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/** List filters as JPA specifications; name and e-mail searches are prefix matches on indexed columns. */
final class CustomerQueries {

	private CustomerQueries() {
	}

	static Specification<Contact> contacts(ContactFilter f) {
		return (root, query, cb) -> {
			Predicate p = cb.isNull(root.get("mergedIntoId"));
			if (f.q() != null && !f.q().isBlank()) {
				String prefix = escape(f.q().trim()) + "%";
				String lower = prefix.toLowerCase(Locale.ROOT);
				p = cb.and(p, cb.or(cb.like(root.get("name"), prefix, '\\'), cb.like(cb.lower(root.get("name")), lower, '\\'),
						cb.like(cb.lower(root.get("latinName")), lower, '\\'), cb.like(root.get("primaryEmail"), lower, '\\')));
			}
			if (f.lifecycleStage() != null) {
				p = cb.and(p, cb.equal(root.get("lifecycleStage"), f.lifecycleStage()));
			}
			if (f.organizationId() != null) {
				p = cb.and(p, cb.equal(root.get("organizationId"), f.organizationId()));
			}
			if (f.tag() != null && !f.tag().isBlank()) {
				p = cb.and(p, cb.isMember(f.tag().trim(), root.<java.util.Collection<String>>get("tags")));
			}
			if (f.language() != null && !f.language().isBlank()) {
				p = cb.and(p, cb.equal(root.get("language"), f.language()));
			}
			return p;
		};
	}

	static Specification<Organization> organizations(OrganizationFilter f) {
		return (root, query, cb) -> {
			Predicate p = cb.conjunction();
			if (f.q() != null && !f.q().isBlank()) {
				String prefix = escape(f.q().trim()) + "%";
				String lower = prefix.toLowerCase(Locale.ROOT);
				p = cb.and(p, cb.or(cb.like(root.get("name"), prefix, '\\'), cb.like(cb.lower(root.get("name")), lower, '\\'),
						cb.like(cb.lower(root.get("latinName")), lower, '\\'), cb.like(root.get("domain"), lower, '\\')));
			}
			if (f.kind() != null) {
				p = cb.and(p, cb.equal(root.get("kind"), f.kind()));
			}
			if (f.lifecycleStage() != null) {
				p = cb.and(p, cb.equal(root.get("lifecycleStage"), f.lifecycleStage()));
			}
			if (f.tag() != null && !f.tag().isBlank()) {
				p = cb.and(p, cb.isMember(f.tag().trim(), root.<java.util.Collection<String>>get("tags")));
			}
			return p;
		};
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
