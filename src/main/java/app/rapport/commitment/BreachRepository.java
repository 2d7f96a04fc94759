package app.rapport.commitment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BreachRepository extends JpaRepository<Breach, Long>, JpaSpecificationExecutor<Breach> {

	/** Breaches per reason (null: not explained yet) detected in [from, to): rows of [reasonKey, count]. */
	@org.springframework.data.jpa.repository.Query("select b.reasonKey, count(b) from Breach b where b.detectedAt >= :from and b.detectedAt < :to group by b.reasonKey")
	java.util.List<Object[]> countByReason(java.time.Instant from, java.time.Instant to);

}
