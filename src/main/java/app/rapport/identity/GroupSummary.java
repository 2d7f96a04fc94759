package app.rapport.identity;

/** What other modules know of a group. */
public record GroupSummary(long id, String name, AssignmentMode assignmentMode) {

	static GroupSummary of(AgentGroup g) {
		return new GroupSummary(g.getId(), g.getName(), g.getAssignmentMode());
	}

}
