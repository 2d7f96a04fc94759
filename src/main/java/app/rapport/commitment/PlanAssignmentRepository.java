package app.rapport.commitment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanAssignmentRepository extends JpaRepository<PlanAssignment, PlanAssignment.Target> {

	boolean existsByPlanId(long planId);

	List<PlanAssignment> findByPlanId(long planId);

}
