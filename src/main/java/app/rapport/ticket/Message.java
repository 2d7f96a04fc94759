package app.rapport.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One message in a ticket's conversation: a customer message, a public reply or an internal note. */
@Entity
@Table(name = "message")
@org.springframework.modulith.NamedInterface("indexed")
public class Message {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
	@SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	/** The agent who wrote it, or {@code null} when the customer did. */
	private Long authorUserId;

	/** The contact who wrote it, or {@code null} when an agent did. */
	private Long authorContactId;

	@Column(name = "is_public", nullable = false)
	private boolean publicMessage;

	/** Plain text of the message, used for search and previews. */
	@Column(nullable = false)
	private String bodyText;

	/** Sanitized HTML, or {@code null} for plain-text messages. */
	private String bodyHtml;

	@Column(nullable = false)
	private Instant createdAt;

	protected Message() {
	}

	Message(Ticket ticket, Long authorUserId, Long authorContactId, boolean publicMessage, String bodyText,
			String bodyHtml, Instant createdAt) {
		this.ticket = ticket;
		this.authorUserId = authorUserId;
		this.authorContactId = authorContactId;
		this.publicMessage = publicMessage;
		this.bodyText = bodyText;
		this.bodyHtml = bodyHtml;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public Ticket getTicket() {
		return ticket;
	}

	void setTicket(Ticket ticket) {
		this.ticket = ticket;
	}

	public Long getAuthorUserId() {
		return authorUserId;
	}

	public Long getAuthorContactId() {
		return authorContactId;
	}

	public boolean isPublic() {
		return publicMessage;
	}

	public MessageKind getKind() {
		if (authorUserId == null && authorContactId != null) {
			return MessageKind.CUSTOMER;
		}
		return publicMessage ? MessageKind.PUBLIC_REPLY : MessageKind.INTERNAL_NOTE;
	}

	public String getBodyText() {
		return bodyText;
	}

	public String getBodyHtml() {
		return bodyHtml;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
