package app.rapport.identity.web;

import java.util.ArrayList;
import java.util.List;

/** What the admin's group forms send: name, assignment mode, members kept and e-mails to add. */
public class GroupForm {

	private String name;

	private String assignmentMode = "MANUAL";

	private List<Long> memberIds = new ArrayList<>();

	private String addMembers;

	private Long version;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAssignmentMode() {
		return assignmentMode;
	}

	public void setAssignmentMode(String assignmentMode) {
		this.assignmentMode = assignmentMode;
	}

	public List<Long> getMemberIds() {
		return memberIds;
	}

	public void setMemberIds(List<Long> memberIds) {
		this.memberIds = memberIds == null ? new ArrayList<>() : memberIds;
	}

	public String getAddMembers() {
		return addMembers;
	}

	public void setAddMembers(String addMembers) {
		this.addMembers = addMembers;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
