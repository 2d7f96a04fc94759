package app.rapport.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordLinkRepository extends JpaRepository<PasswordLink, Long> {

	Optional<PasswordLink> findByTokenHash(String tokenHash);

	@Modifying
	@Query("update PasswordLink l set l.usedAt = :now where l.userId = :userId and l.usedAt is null")
	int spendAllOf(long userId, Instant now);

}
