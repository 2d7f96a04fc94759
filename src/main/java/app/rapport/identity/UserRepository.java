package app.rapport.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmailIgnoreCase(String email);

	@Query("select u from User u join u.groupIds g where g = :groupId and u.active = true order by u.id")
	List<User> findActiveMembers(Long groupId);

	/** Every member of a group, active or not, by name. */
	@Query("select u from User u join u.groupIds g where g = :groupId order by lower(u.displayName), u.id")
	List<User> findMembers(Long groupId);

	/** Member counts of the given groups, as rows {@code [groupId, count]}. */
	@Query("select g, count(u) from User u join u.groupIds g where g in :groupIds group by g")
	List<Object[]> countMembers(Collection<Long> groupIds);

	List<User> findByIdIn(Collection<Long> ids);

	Page<User> findByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(String email, String displayName,
			Pageable pageable);

	boolean existsByRole(Role role);

	@Query("select new app.rapport.identity.UserState(u.email, u.displayName, u.role, u.active, u.sessionEpoch) from User u where u.id = :id")
	Optional<UserState> findState(long id);

	long countByRoleAndActiveTrue(Role role);

}
