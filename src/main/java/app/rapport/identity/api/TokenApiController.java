package app.rapport.identity.api;

import java.net.URI;
import java.util.List;

import app.rapport.identity.ApiTokenService;
import app.rapport.identity.ApiTokenView;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.IssuedToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Personal access tokens: created with HTTP Basic, listed and revoked with a token. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokenService tokens;

	TokenApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	record CreateTokenRequest(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> scopes) {
	}

	record CreatedToken(long id, String name, List<String> scopes, String token) {
	}

	@PostMapping
	ResponseEntity<CreatedToken> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody CreateTokenRequest request) {
		IssuedToken issued = tokens.issue(me.id(), request.name(), request.scopes());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
			.body(new CreatedToken(issued.token().id(), issued.token().name(), issued.token().scopes(), issued.secret()));
	}

	/** The caller's own tokens; admins with the admin scope see everyone's. */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	List<ApiTokenView> list(@AuthenticationPrincipal CurrentUser me) {
		return me.has(app.rapport.identity.Scope.ADMIN) ? tokens.allTokens() : tokens.tokensOf(me.id());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		tokens.revoke(id, me);
		return ResponseEntity.noContent().build();
	}

}
