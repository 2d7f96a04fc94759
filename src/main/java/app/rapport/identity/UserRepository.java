package app.rapport.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByEmailIgnoreCase(String email);

	@Query("select u from User u join u.groupIds g where g = :groupId and u.active = true order by u.id")
	List<User> findActiveMembers(Long groupId);

	List<User> findByIdIn(Collection<Long> ids);

	boolean existsByRole(Role role);

}
