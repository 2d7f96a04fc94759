package app.rapport.customer;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportJobRepository extends JpaRepository<ImportJob, String> {

	@Modifying
	@Query("update ImportJob j set j.state = :state, j.rowsInFile = :rowsInFile, j.rowsToWrite = :rowsToWrite, "
			+ "j.rowsWritten = :rowsWritten, j.updatedAt = :now where j.id = :id")
	int progress(String id, ImportJobState state, int rowsInFile, int rowsToWrite, int rowsWritten, Instant now);

	@Modifying
	@Query("update ImportJob j set j.state = :state, j.report = :report, j.error = :error, j.updatedAt = :now, "
			+ "j.finishedAt = :now where j.id = :id")
	int finish(String id, ImportJobState state, String report, String error, Instant now);

	@Modifying
	@Query("delete from ImportJob j where j.createdAt < :before")
	int deleteCreatedBefore(Instant before);

}
