package app.rapport.customer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

	@Query("select distinct c from Contact c join c.emails e where e in :emails and c.mergedIntoId is null")
	List<Contact> findByAnyEmail(Collection<String> emails);

	@Query("select distinct c from Contact c join c.phones p where p.normalized in :phones and c.mergedIntoId is null")
	List<Contact> findByAnyPhone(Collection<String> phones);

	Page<Contact> findByMergedIntoIdIsNull(Pageable pageable);

	Page<Contact> findByOrganizationIdAndMergedIntoIdIsNull(Long organizationId, Pageable pageable);

	List<Contact> findByIdIn(Collection<Long> ids);

}
