package app.rapport.notification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Every query starts with the recipient, so that it runs on the (user_id, read_at, created_at) index. */
interface NotificationRepository extends Repository<Notification, Long> {

	Notification save(Notification notification);

	Optional<Notification> findByIdAndUserId(long id, long userId);

	long countByUserIdAndReadAtIsNull(long userId);

	Page<Notification> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

	Page<Notification> findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Notification n set n.readAt = :now where n.userId = :userId and n.readAt is null")
	int markAllRead(@Param("userId") long userId, @Param("now") Instant now);

}
