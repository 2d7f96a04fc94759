package app.rapport.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long>, JpaSpecificationExecutor<Organization> {

	Optional<Organization> findByNameIgnoreCase(String name);

	List<Organization> findByIdIn(Collection<Long> ids);

	/** Organizations whose lower-cased name is one of {@code lowerNames}. */
	@Query("select o from Organization o where lower(o.name) in :lowerNames")
	List<Organization> findByLowerNames(Collection<String> lowerNames);

	/** Ids and names of the organizations after {@code afterId}, in id order, a page at a time. */
	@Query("select new app.rapport.customer.OrganizationChoice(o.id, o.name) from Organization o where o.id > :afterId order by o.id")
	List<OrganizationChoice> choicesAfter(long afterId, Pageable page);

	/** Ids and names of the organizations with one of {@code ids}. */
	@Query("select new app.rapport.customer.OrganizationChoice(o.id, o.name) from Organization o where o.id in :ids")
	List<OrganizationChoice> choicesByIds(Collection<Long> ids);

	List<Organization> findTop1000ByOrderByNameAsc();

}
