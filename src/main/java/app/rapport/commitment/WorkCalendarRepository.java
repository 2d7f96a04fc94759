package app.rapport.commitment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkCalendarRepository extends JpaRepository<WorkCalendar, Long> {

	Optional<WorkCalendar> findByReadyMadeKey(String key);

	boolean existsByNameIgnoreCase(String name);

}
