package app.rapport.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team and its queue (e.g. "Support", "Billing"); tickets belong to one group. */
@Entity
@Table(name = "agent_group")
public class AgentGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_group_seq")
	@SequenceGenerator(name = "agent_group_seq", sequenceName = "agent_group_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AssignmentMode assignmentMode = AssignmentMode.MANUAL;

	@Column(nullable = false)
	private Instant createdAt;

	/** Requests that name no group land here; exactly one group is the default. */
	@Column(name = "is_default", nullable = false)
	private boolean defaultGroup;

	@Version
	private long version;

	protected AgentGroup() {
	}

	public AgentGroup(String name, AssignmentMode assignmentMode, Instant createdAt) {
		this.name = name;
		this.assignmentMode = assignmentMode;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public AssignmentMode getAssignmentMode() {
		return assignmentMode;
	}

	public void setAssignmentMode(AssignmentMode assignmentMode) {
		this.assignmentMode = assignmentMode;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public boolean isDefaultGroup() {
		return defaultGroup;
	}

	void setDefaultGroup(boolean defaultGroup) {
		this.defaultGroup = defaultGroup;
	}

	public long getVersion() {
		return version;
	}

}
