package app.rapport.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttributeDefinitionRepository extends JpaRepository<AttributeDefinition, Long> {

	List<AttributeDefinition> findByTargetOrderBySortOrderAscIdAsc(AttributeTarget target);

	Optional<AttributeDefinition> findByTargetAndKey(AttributeTarget target, String key);

}
