package app.rapport.identity.api;

import java.util.List;

import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserDirectory;
import app.rapport.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only users and groups, so integrators can name owners and route tickets. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('SCOPE_read')")
class DirectoryApiController {

	private final UserDirectory directory;

	DirectoryApiController(UserDirectory directory) {
		this.directory = directory;
	}

	record UserView(long id, String email, String displayName, String role, List<Long> groupIds, boolean active) {
	}

	@GetMapping("/users")
	List<UserView> users() {
		return directory.allUsers()
			.stream()
			.map(u -> new UserView(u.id(), u.email(), u.displayName(), u.role().name().toLowerCase(),
					u.groupIds().stream().sorted().toList(), u.active()))
			.toList();
	}

	@GetMapping("/users/{id}")
	UserView user(@PathVariable long id) {
		return directory.user(id)
			.map(u -> new UserView(u.id(), u.email(), u.displayName(), u.role().name().toLowerCase(),
					u.groupIds().stream().sorted().toList(), u.active()))
			.orElseThrow(() -> new NotFoundException("User " + id));
	}

	@GetMapping("/groups")
	List<GroupSummary> groups() {
		return directory.allGroups();
	}

	@GetMapping("/groups/{id}")
	GroupSummary group(@PathVariable long id) {
		return directory.group(id).orElseThrow(() -> new NotFoundException("Group " + id));
	}

}
