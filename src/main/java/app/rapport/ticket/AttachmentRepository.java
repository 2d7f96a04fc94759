package app.rapport.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByMessageIdInOrderById(Collection<Long> messageIds);

	/** The attachment if it belongs to a message of that ticket. */
	@Query("select a from Attachment a where a.id = :attachmentId and a.messageId in "
			+ "(select m.id from Message m where m.ticket.id = :ticketId)")
	Optional<Attachment> findInTicket(Long ticketId, Long attachmentId);

}
