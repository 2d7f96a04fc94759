package app.rapport.identity.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.identity.CurrentUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.identity.Versioned;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Groups over REST: listed with the read scope (to route tickets), created and changed with the admin scope. */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups", description = "Teams and their queues; where requests that name no group land")
class GroupApiController {

	private final UserDirectory directory;

	private final UserAdministration administration;

	GroupApiController(UserDirectory directory, UserAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	/** {@code memberIds} only on a single group, not in lists. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record GroupView(long id, String name, String assignmentMode, boolean defaultGroup, long memberCount,
			List<Long> memberIds) {
	}

	record NewGroupRequest(String name,
			@Schema(allowableValues = { "manual", "round_robin", "least_open" }) String assignmentMode,
			Boolean defaultGroup, List<Long> memberIds) {
	}

	/** Changes to a group; a field left out stays as it is. {@code defaultGroup: true} moves the default here. */
	record GroupPatchRequest(String name,
			@Schema(allowableValues = { "manual", "round_robin", "least_open" }) String assignmentMode,
			Boolean defaultGroup, List<Long> memberIds, Long version) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	@Operation(summary = "List groups by name, with their member counts")
	PageResponse<GroupView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Page<GroupSummary> groups = directory.groups(Paging.of(page, size, Sort.by(Sort.Order.asc("name").ignoreCase(),
				Sort.Order.asc("id"))));
		Map<Long, Long> counts = directory.memberCounts(groups.getContent().stream().map(GroupSummary::id).toList());
		return PageResponse.of(groups, g -> new GroupView(g.id(), g.name(), IdentityApiSupport.name(g.assignmentMode()),
				g.defaultGroup(), counts.getOrDefault(g.id(), 0L), null));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	@Operation(summary = "One group with its members' ids, and its version as ETag")
	ResponseEntity<GroupView> get(@PathVariable long id) {
		Versioned<GroupSummary> group = directory.groupForEdit(id).orElseThrow(() -> new NotFoundException("Group " + id));
		List<Long> members = directory.members(id).stream().map(UserSummary::id).sorted().toList();
		GroupSummary g = group.value();
		return ResponseEntity.ok()
			.eTag("\"" + group.version() + "\"")
			.body(new GroupView(g.id(), g.name(), IdentityApiSupport.name(g.assignmentMode()), g.defaultGroup(),
					members.size(), members));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	@Operation(summary = "Create a group (admin scope); assignmentMode manual (default), round_robin or least_open")
	ResponseEntity<GroupView> create(@AuthenticationPrincipal CurrentUser me, @RequestBody NewGroupRequest request) {
		GroupSummary created = administration.createGroup(request.name(), IdentityApiSupport.mode(request.assignmentMode()),
				IdentityApiSupport.orEmpty(request.memberIds()), Boolean.TRUE.equals(request.defaultGroup()), me.id());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id())).body(get(created.id()).getBody());
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	@Operation(summary = "Change a group (admin scope): name, assignment mode, members, default; If-Match is honoured")
	ResponseEntity<GroupView> patch(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody GroupPatchRequest request) {
		administration.patchGroup(id, new UserAdministration.GroupPatch(request.name(),
				IdentityApiSupport.mode(request.assignmentMode()), request.defaultGroup(),
				request.memberIds() == null ? null : Set.copyOf(request.memberIds())),
				IdentityApiSupport.expectedVersion(ifMatch, request.version()), me.id());
		return get(id);
	}

}
