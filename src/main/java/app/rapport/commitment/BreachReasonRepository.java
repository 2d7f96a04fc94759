package app.rapport.commitment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BreachReasonRepository extends JpaRepository<BreachReason, String> {

	List<BreachReason> findAllByOrderByPositionAsc();

}
