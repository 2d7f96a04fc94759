package app.rapport.identity.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import app.rapport.identity.CurrentUser;
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

/**
 * Users over REST: anyone with the read scope lists them (to name owners); creating and changing them
 * takes the admin scope. A password is write-only: no answer ever contains one.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Agents, supervisors, admins and analysts")
class UserApiController {

	private final UserDirectory directory;

	private final UserAdministration administration;

	UserApiController(UserDirectory directory, UserAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	record UserView(long id, String email, String displayName, String role, boolean active, String language,
			String timeZone, List<String> spokenLanguages, List<Long> groupIds) {

		static UserView of(UserSummary u) {
			return new UserView(u.id(), u.email(), u.displayName(), IdentityApiSupport.name(u.role()), u.active(),
					u.language(), u.timeZone(), u.spokenLanguages().stream().sorted().toList(),
					u.groupIds().stream().sorted().toList());
		}

	}

	/** A new user; without {@code password} the user is e-mailed a one-time link to choose one. */
	record NewUserRequest(String email, String displayName,
			@Schema(allowableValues = { "admin", "supervisor", "agent", "analyst" }) String role, List<Long> groupIds,
			String language, String timeZone, List<String> spokenLanguages,
			@Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String password) {
	}

	/** Changes to a user; a field left out stays as it is. */
	record UserPatchRequest(String displayName,
			@Schema(allowableValues = { "admin", "supervisor", "agent", "analyst" }) String role, Boolean active,
			List<Long> groupIds, String language, String timeZone, List<String> spokenLanguages,
			@Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String password, Long version) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	@Operation(summary = "List users, by name; q filters by name or e-mail")
	PageResponse<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResponse.of(directory.users(q, Paging.of(page, size,
				Sort.by(Sort.Order.asc("displayName").ignoreCase(), Sort.Order.asc("id")))), UserView::of);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	@Operation(summary = "One user, with its version as ETag")
	ResponseEntity<UserView> get(@PathVariable long id) {
		Versioned<UserSummary> user = directory.userForEdit(id).orElseThrow(() -> new NotFoundException("User " + id));
		return ResponseEntity.ok().eTag("\"" + user.version() + "\"").body(UserView.of(user.value()));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	@Operation(summary = "Create a user (admin scope); 409 when the e-mail is taken")
	ResponseEntity<UserView> create(@AuthenticationPrincipal CurrentUser me, @RequestBody NewUserRequest request) {
		UserSummary created = administration.createUser(new UserAdministration.NewUser(request.email(),
				request.displayName(), IdentityApiSupport.role(request.role()),
				request.language() == null ? "en" : request.language(),
				request.timeZone() == null ? "UTC" : request.timeZone(),
				Set.copyOf(IdentityApiSupport.orEmpty(request.spokenLanguages())),
				Set.copyOf(IdentityApiSupport.orEmpty(request.groupIds()))), request.password(), me.id());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserView.of(created));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	@Operation(summary = "Change a user (admin scope): role, groups, active, language, password…; If-Match is honoured")
	ResponseEntity<UserView> patch(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody UserPatchRequest request) {
		UserSummary changed = administration.patchUser(id, new UserAdministration.UserPatch(request.displayName(),
				IdentityApiSupport.role(request.role()), request.active(),
				request.spokenLanguages() == null ? null : Set.copyOf(request.spokenLanguages()),
				request.groupIds() == null ? null : Set.copyOf(request.groupIds()), request.language(),
				request.timeZone(), request.password()), IdentityApiSupport.expectedVersion(ifMatch, request.version()),
				me.id());
		return get(changed.id());
	}

}
