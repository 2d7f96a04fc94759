package app.rapport.notification;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One notice delivered to one user; only its read time and the time it was mailed ever change. Updates
 * write only the changed column: the mailer (marking it mailed) and the user (reading it) may change the
 * same row at the same moment, and neither may write back the other's old value.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "notification")
class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
	@SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long userId;

	@Column(nullable = false)
	private String kind;

	@Column(nullable = false)
	private String messageKey;

	@Convert(converter = StringListJson.class)
	@Column(nullable = false)
	private List<String> args;

	private String link;

	/** The ticket the notice is about, for the visibility check when it is shown. */
	private Long ticketId;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant readAt;

	/** What the notice is about (e.g. {@code breach:42}), so that one thing is told once; or {@code null}. */
	private String about;

	private Instant mailedAt;

	protected Notification() {
	}

	Notification(long userId, Notice notice, String about, Instant createdAt) {
		this.about = about;
		this.userId = userId;
		this.kind = notice.kind();
		this.messageKey = notice.messageKey();
		this.args = notice.args();
		this.link = notice.link();
		this.ticketId = notice.ticketId();
		this.createdAt = createdAt;
	}

	/** Marks the notice read; a notice already read keeps its first read time. */
	void markRead(Instant now) {
		if (readAt == null) {
			readAt = now;
		}
	}

	Notice notice() {
		return new Notice(kind, messageKey, args, link, ticketId);
	}

	Long getId() {
		return id;
	}

	Long getTicketId() {
		return ticketId;
	}

	Long getUserId() {
		return userId;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getReadAt() {
		return readAt;
	}

	Instant getMailedAt() {
		return mailedAt;
	}

	void markMailed(Instant now) {
		mailedAt = now;
	}

}
