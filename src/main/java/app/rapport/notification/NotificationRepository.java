package app.rapport.notification;

import java.time.Instant;
import java.util.List;
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

	Optional<Notification> findById(long id);

	/** Which of the users were already told about this (served by the unique (user_id, about) index). */
	@Query("select n.userId from Notification n where n.about = :about and n.userId in :userIds")
	List<Long> toldAbout(@Param("about") String about, @Param("userIds") java.util.Collection<Long> userIds);

	long countByUserIdAndReadAtIsNull(long userId);

	Page<Notification> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

	Page<Notification> findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(long userId, Pageable pageable);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Notification n set n.readAt = :now where n.userId = :userId and n.readAt is null")
	int markAllRead(@Param("userId") long userId, @Param("now") Instant now);

}
