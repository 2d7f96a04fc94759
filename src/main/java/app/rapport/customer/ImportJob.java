package app.rapport.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A background CSV import: who started it, how far it is, and its report (JSON) once done. */
@Entity
@Table(name = "customer_import_job")
class ImportJob {

	/** The longest report (JSON) kept; longer ones list fewer problems. */
	static final int MAX_REPORT_CHARS = 1_000_000;

	@Id
	private String id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ImportTarget target;

	private Long actorUserId;

	private String fileName;

	@Column(nullable = false)
	private String charset;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ImportJobState state;

	@Column(name = "rows_in_file", nullable = false)
	private int rowsInFile;

	@Column(name = "rows_to_write", nullable = false)
	private int rowsToWrite;

	@Column(name = "rows_written", nullable = false)
	private int rowsWritten;

	@Column(length = MAX_REPORT_CHARS)
	private String report;

	@Column(length = 1000)
	private String error;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	private Instant finishedAt;

	protected ImportJob() {
	}

	ImportJob(String id, ImportTarget target, Long actorUserId, String fileName, String charset, Instant createdAt) {
		this.id = id;
		this.target = target;
		this.actorUserId = actorUserId;
		this.fileName = fileName == null || fileName.length() <= 300 ? fileName : fileName.substring(0, 299) + "…";
		this.charset = charset;
		this.state = ImportJobState.QUEUED;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	String getId() {
		return id;
	}

	ImportTarget getTarget() {
		return target;
	}

	Long getActorUserId() {
		return actorUserId;
	}

	String getFileName() {
		return fileName;
	}

	String getCharset() {
		return charset;
	}

	ImportJobState getState() {
		return state;
	}

	int getRowsInFile() {
		return rowsInFile;
	}

	int getRowsToWrite() {
		return rowsToWrite;
	}

	int getRowsWritten() {
		return rowsWritten;
	}

	String getReport() {
		return report;
	}

	String getError() {
		return error;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	Instant getFinishedAt() {
		return finishedAt;
	}

}
