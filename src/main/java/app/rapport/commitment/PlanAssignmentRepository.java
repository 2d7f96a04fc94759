package app.rapport.commitment;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanAssignmentRepository extends JpaRepository<PlanAssignment, PlanAssignment.Target> {

	boolean existsByPlanId(long planId);


}
