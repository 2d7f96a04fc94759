package app.rapport.identity;

/** What other modules know of a group; {@code defaultGroup} marks where requests naming no group land. */
@org.springframework.modulith.NamedInterface("api")
public record GroupSummary(long id, String name, AssignmentMode assignmentMode, boolean defaultGroup) {

	static GroupSummary of(AgentGroup g) {
		return new GroupSummary(g.getId(), g.getName(), g.getAssignmentMode(), g.isDefaultGroup());
	}

}
