package app.rapport.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A file attached to a message; the bytes live on disk under their SHA-256 (see {@link AttachmentStore}). */
@Entity
@Table(name = "ticket_attachment")
class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_attachment_seq")
	@SequenceGenerator(name = "ticket_attachment_seq", sequenceName = "ticket_attachment_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long messageId;

	@Column(nullable = false)
	private String filename;

	@Column(nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(nullable = false)
	private String sha256;

	@Column(nullable = false)
	private Instant createdAt;

	protected Attachment() {
	}

	Attachment(long messageId, String filename, String contentType, long size, String sha256, Instant createdAt) {
		this.messageId = messageId;
		this.filename = filename;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	Long getMessageId() {
		return messageId;
	}

	String getFilename() {
		return filename;
	}

	String getContentType() {
		return contentType;
	}

	long getSize() {
		return size;
	}

	String getSha256() {
		return sha256;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
