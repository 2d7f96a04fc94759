package app.rapport.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's request or complaint, with its conversation, owner and group. */
@Entity
@Table(name = "ticket")
@org.springframework.modulith.NamedInterface("indexed")
public class Ticket {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
	@SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TicketType type = TicketType.QUESTION;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Priority priority = Priority.NORMAL;

	/** {@link Priority#rank()}, kept with the priority: lists sort by it through an index. */
	@Column(name = "priority_rank")
	private short priorityRank = (short) Priority.NORMAL.rank();

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TicketState state = TicketState.NEW;

	@Column(nullable = false)
	private Long requesterId;

	private Long organizationId;

	@Column(nullable = false)
	private Long groupId;

	private Long ownerId;

	@Column(nullable = false)
	private String channel = "API";

	@ElementCollection
	@CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
	@OrderBy("createdAt asc, id asc")
	private List<Message> messages = new ArrayList<>();

	/** Values of admin-defined fields, by field key (see {@link TicketField}). */
	@ElementCollection
	@CollectionTable(name = "ticket_field_value", joinColumns = @JoinColumn(name = "ticket_id"))
	@MapKeyColumn(name = "field_key")
	@Column(name = "field_value")
	private Map<String, String> customFields = new java.util.LinkedHashMap<>();

	/** Set when this ticket was merged into another. */
	private Long mergedIntoId;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	private Instant solvedAt;

	private Instant closedAt;

	@Version
	private long version;

	protected Ticket() {
	}

	public Ticket(String subject, TicketType type, Priority priority, long requesterId, Long organizationId,
			long groupId, String channel, Instant createdAt) {
		this.subject = subject;
		this.type = type;
		this.priority = priority;
		this.priorityRank = (short) priority.rank();
		this.requesterId = requesterId;
		this.organizationId = organizationId;
		this.groupId = groupId;
		this.channel = channel;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	/** Appends a message to the conversation (persisted with the ticket, which cascades). */
	public Message addMessage(Long authorUserId, Long authorContactId, boolean publicMessage, String bodyText,
			String bodyHtml, Instant createdAt) {
		Message message = new Message(this, authorUserId, authorContactId, publicMessage, bodyText, bodyHtml, createdAt);
		messages.add(message);
		return message;
	}

	public Long getId() {
		return id;
	}

	/** The number customers see; equal to the id. */
	public Long getNumber() {
		return id;
	}

	public String getSubject() {
		return subject;
	}

	void setSubject(String subject) {
		this.subject = subject;
	}

	public TicketType getType() {
		return type;
	}

	void setType(TicketType type) {
		this.type = type;
	}

	public Priority getPriority() {
		return priority;
	}

	void setPriority(Priority priority) {
		this.priority = priority;
		this.priorityRank = (short) priority.rank();
	}

	public TicketState getState() {
		return state;
	}

	void setState(TicketState state) {
		this.state = state;
	}

	public Long getRequesterId() {
		return requesterId;
	}

	void setRequesterId(Long requesterId) {
		this.requesterId = requesterId;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public Long getGroupId() {
		return groupId;
	}

	void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public String getChannel() {
		return channel;
	}

	public Set<String> getTags() {
		return tags;
	}

	public List<Message> getMessages() {
		return messages;
	}

	public Map<String, String> getCustomFields() {
		return customFields;
	}

	/** Moves to {@code next} if the state machine allows it, keeping the solved/closed times right. */
	void moveTo(TicketState next, Instant at) {
		TicketStateMachine.check(state, next);
		if (next == state) {
			return;
		}
		if (next == TicketState.SOLVED) {
			solvedAt = at;
		}
		else if (next == TicketState.CLOSED) {
			closedAt = at;
		}
		else {
			solvedAt = null;
		}
		state = next;
	}

	void setChannel(String channel) {
		this.channel = channel;
	}

	public Long getMergedIntoId() {
		return mergedIntoId;
	}

	void setMergedIntoId(Long mergedIntoId) {
		this.mergedIntoId = mergedIntoId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Instant getSolvedAt() {
		return solvedAt;
	}

	void setSolvedAt(Instant solvedAt) {
		this.solvedAt = solvedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	void setClosedAt(Instant closedAt) {
		this.closedAt = closedAt;
	}

	public long getVersion() {
		return version;
	}

}
