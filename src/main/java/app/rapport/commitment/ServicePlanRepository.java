package app.rapport.commitment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServicePlanRepository extends JpaRepository<ServicePlan, Long> {

	Optional<ServicePlan> findFirstByIsDefaultTrue();

	Optional<ServicePlan> findByNameIgnoreCase(String name);

	List<ServicePlan> findByCalendarId(long calendarId);

	List<ServicePlan> findAllByOrderByNameAsc();

}
