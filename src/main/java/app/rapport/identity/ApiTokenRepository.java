package app.rapport.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	@Query("""
			select new app.rapport.identity.TokenHolder(t.id, t.scopes, t.lastUsedAt, t.revokedAt, t.expiresAt,
				u.id, u.email, u.displayName, u.role, u.active, u.sessionEpoch)
			from ApiToken t join User u on u.id = t.userId where t.tokenHash = :tokenHash""")
	Optional<TokenHolder> findHolder(String tokenHash);

	Page<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(Long userId, Pageable pageable);

	Page<ApiToken> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);

	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
	int touch(Long id, Instant now, Instant before);

}
