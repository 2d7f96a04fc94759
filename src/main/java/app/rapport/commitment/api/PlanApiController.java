package app.rapport.commitment.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import app.rapport.commitment.PlanInput;
import app.rapport.commitment.PlanView;
import app.rapport.commitment.Plans;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Service plans over REST, and which plan an organization or a contact has. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('SCOPE_read')")
class PlanApiController {

	private final Plans plans;

	PlanApiController(Plans plans) {
		this.plans = plans;
	}

	/** {@code planId} null or absent: back to the inherited or default plan. */
	record PlanChoice(Long planId) {
	}

	@GetMapping("/plans")
	List<PlanView> list() {
		return plans.all();
	}

	@GetMapping("/plans/{id}")
	PlanView get(@PathVariable long id) {
		return plans.get(id);
	}

	@PostMapping("/plans")
	@PreAuthorize(CalendarApiController.EDITORS)
	ResponseEntity<PlanView> create(@RequestBody PlanInput input, @AuthenticationPrincipal CurrentUser me) {
		PlanView created = plans.create(input, me.id());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())).body(created);
	}

	@PutMapping("/plans/{id}")
	@PreAuthorize(CalendarApiController.EDITORS)
	PlanView update(@PathVariable long id, @RequestBody PlanInput input, @AuthenticationPrincipal CurrentUser me) {
		return plans.update(id, input, me.id());
	}

	@DeleteMapping("/plans/{id}")
	@PreAuthorize(CalendarApiController.EDITORS)
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		plans.delete(id, me.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/organizations/{id}/plan")
	PlanView organizationPlan(@PathVariable long id) {
		return plans.ofOrganization(id).orElseThrow(() -> new NotFoundException("A plan of organization " + id));
	}

	@PutMapping("/organizations/{id}/plan")
	@PreAuthorize(CalendarApiController.EDITORS)
	Map<String, Object> assignToOrganization(@PathVariable long id, @RequestBody PlanChoice choice,
			@AuthenticationPrincipal CurrentUser me) {
		plans.assignToOrganization(id, choice.planId(), me.id());
		return Map.of("organizationId", id, "plan", plans.ofOrganization(id).map(p -> (Object) p).orElse(Map.of()));
	}

	/** The plan in force for the contact: their own, else their organization's, else the default. */
	@GetMapping("/contacts/{id}/plan")
	PlanView contactPlan(@PathVariable long id) {
		return plans.inForce(id);
	}

	@PutMapping("/contacts/{id}/plan")
	@PreAuthorize(CalendarApiController.EDITORS)
	PlanView assignToContact(@PathVariable long id, @RequestBody PlanChoice choice,
			@AuthenticationPrincipal CurrentUser me) {
		plans.assignToContact(id, choice.planId(), me.id());
		return plans.inForce(id);
	}

}
