package app.rapport.customer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

	@Query("select distinct c from Contact c join c.emails e where e in :emails and c.mergedIntoId is null")
	List<Contact> findByAnyEmail(Collection<String> emails);

	@Query("select distinct c from Contact c join c.phones p where p.normalized in :phones and c.mergedIntoId is null")
	List<Contact> findByAnyPhone(Collection<String> phones);

	/** Rows of (normalized e-mail, contact id, contact name) of the live contacts that have one of {@code emails}. */
	@Query("select e, c.id, c.name from Contact c join c.emails e where e in :emails and c.mergedIntoId is null")
	List<Object[]> ownersOfEmails(Collection<String> emails);

	/** Rows of (normalized phone, contact id, contact name) of the live contacts that have one of {@code phones}. */
	@Query("select p.normalized, c.id, c.name from Contact c join c.phones p where p.normalized in :phones and c.mergedIntoId is null")
	List<Object[]> ownersOfPhones(Collection<String> phones);

	Page<Contact> findByMergedIntoIdIsNull(Pageable pageable);

	Page<Contact> findByOrganizationIdAndMergedIntoIdIsNull(Long organizationId, Pageable pageable);

	List<Contact> findByIdIn(Collection<Long> ids);

	long countByOrganizationIdAndMergedIntoIdIsNull(Long organizationId);

	/** Rows of (organization id, number of live contacts) for the given organizations. */
	@Query("select c.organizationId, count(c) from Contact c where c.organizationId in :orgIds and c.mergedIntoId is null group by c.organizationId")
	List<Object[]> countByOrganizations(Collection<Long> orgIds);

}
