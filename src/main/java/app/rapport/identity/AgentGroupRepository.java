package app.rapport.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentGroupRepository extends JpaRepository<AgentGroup, Long> {

	Optional<AgentGroup> findByNameIgnoreCase(String name);

	Optional<AgentGroup> findFirstByDefaultGroupTrueOrderByIdAsc();

	Optional<AgentGroup> findFirstByOrderByIdAsc();

}
