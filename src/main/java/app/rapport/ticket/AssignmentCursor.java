package app.rapport.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The last member a round-robin group gave a ticket to. */
@Entity
@Table(name = "ticket_assignment_cursor")
class AssignmentCursor {

	@Id
	@Column(name = "group_id")
	private Long groupId;

	private Long lastUserId;

	@Version
	private long version;

	protected AssignmentCursor() {
	}

	AssignmentCursor(long groupId) {
		this.groupId = groupId;
	}

	Long getGroupId() {
		return groupId;
	}

	Long getLastUserId() {
		return lastUserId;
	}

	void setLastUserId(Long lastUserId) {
		this.lastUserId = lastUserId;
	}

}
