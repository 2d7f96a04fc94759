package app.rapport.commitment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service plan (tier): its calendar, targets per priority and type, pause rules and escalations. */
@Entity
@Table(name = "service_plan")
class ServicePlan {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_seq")
	@SequenceGenerator(name = "commitment_seq", sequenceName = "commitment_seq", allocationSize = 50)
	Long id;

	String name;

	String description;

	@Column(name = "calendar_id")
	long calendarId;

	@Column(name = "is_default")
	boolean isDefault;

	@Column(name = "at_risk_percent")
	int atRiskPercent = 80;

	@Column(name = "pending_pauses")
	String pendingPauses = "first_response,next_update,resolution";

	@Column(name = "on_hold_pauses")
	String onHoldPauses = "resolution";

	@Column(name = "public_listed")
	boolean publicListed = true;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "plan_id", nullable = false)
	@OrderBy("priority, ticketType")
	List<PlanTarget> targets = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "plan_id", nullable = false)
	@OrderBy("id")
	List<EscalationRule> escalations = new ArrayList<>();

	@Column(name = "created_at")
	Instant createdAt;

	@Column(name = "updated_at")
	Instant updatedAt;

	@Version
	long version;

	protected ServicePlan() {
	}

	ServicePlan(String name, long calendarId, Instant now) {
		this.name = name;
		this.calendarId = calendarId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Set<Commitment> pendingPauseSet() {
		return parse(pendingPauses);
	}

	Set<Commitment> onHoldPauseSet() {
		return parse(onHoldPauses);
	}

	static String format(Set<Commitment> commitments) {
		return commitments.stream().sorted().map(Commitment::key).collect(Collectors.joining(","));
	}

	static Set<Commitment> parse(String text) {
		Set<Commitment> set = EnumSet.noneOf(Commitment.class);
		if (text != null) {
			for (String key : text.split(",")) {
				if (!key.isBlank()) {
					set.add(Commitment.fromKey(key));
				}
			}
		}
		return set;
	}

}
