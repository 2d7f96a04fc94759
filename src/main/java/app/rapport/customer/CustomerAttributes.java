package app.rapport.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.rapport.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin-defined custom attributes: define, list and remove them (values go with their definition). */
@Service
@Transactional
public class CustomerAttributes {

	private final AttributeDefinitionRepository definitions;

	private final jakarta.persistence.EntityManager entityManager;

	private final Clock clock;

	CustomerAttributes(AttributeDefinitionRepository definitions, jakarta.persistence.EntityManager entityManager,
			Clock clock) {
		this.definitions = definitions;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<AttributeDefinition> definitions(AttributeTarget target) {
		return definitions.findByTargetOrderBySortOrderAscIdAsc(target);
	}

	@Transactional(readOnly = true)
	public List<AttributeSpec> specs(AttributeTarget target) {
		return definitions(target).stream().map(AttributeDefinition::spec).toList();
	}

	/** Defines a new attribute; refused with field problems when the key is taken or the definition is incomplete. */
	public AttributeDefinition define(AttributeTarget target, String key, String label, AttributeType type,
			List<String> options) {
		if (target == null) {
			throw new CustomerInputException("target", "invalidChoice", "must be CONTACT or ORGANIZATION");
		}
		List<AttributeDefinition> existing = definitions(target);
		Set<String> keys = existing.stream().map(AttributeDefinition::getKey).collect(Collectors.toSet());
		List<String> cleanOptions = type == AttributeType.CHOICE && options != null ? options : List.of();
		List<FieldProblem> problems = new ArrayList<>(AttributeRules.checkDefinition(key, label, type, cleanOptions, keys));
		if (!problems.isEmpty()) {
			throw new CustomerInputException(problems);
		}
		int order = existing.stream().mapToInt(AttributeDefinition::getSortOrder).max().orElse(0) + 1;
		return definitions.save(new AttributeDefinition(target, key, label.trim(), type, cleanOptions, order, clock.instant()));
	}

	/** Removes the definition and every value stored for it. */
	public void remove(long id) {
		AttributeDefinition definition = definitions.findById(id).orElseThrow(() -> new NotFoundException("Attribute " + id));
		String table = definition.getTarget() == AttributeTarget.CONTACT ? "contact_attribute" : "organization_attribute";
		entityManager.flush();
		entityManager.createNativeQuery("delete from " + table + " where attr_key = ?1")
			.setParameter(1, definition.getKey())
			.executeUpdate();
		definitions.delete(definition);
		// Cached entities may still hold the removed values.
		entityManager.clear();
	}

}
