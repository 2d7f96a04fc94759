package app.rapport.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, Long>, JpaSpecificationExecutor<Organization> {

	Optional<Organization> findByNameIgnoreCase(String name);

	List<Organization> findByIdIn(Collection<Long> ids);

	/** Organizations whose lower-cased name is one of {@code lowerNames}. */
	@Query("select o from Organization o where lower(o.name) in :lowerNames")
	List<Organization> findByLowerNames(Collection<String> lowerNames);

	List<Organization> findTop1000ByOrderByNameAsc();

}
