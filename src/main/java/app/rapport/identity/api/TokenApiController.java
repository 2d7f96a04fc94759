package app.rapport.identity.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import app.rapport.identity.ApiTokenService;
import app.rapport.identity.ApiTokenView;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.IssuedToken;
import app.rapport.identity.Scope;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Personal access tokens: created with HTTP Basic, listed with a token, revoked with a write token. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal access tokens for the REST API")
class TokenApiController {

	private final ApiTokenService tokens;

	TokenApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	/** {@code expiresAt} is optional: without it the token works until revoked. */
	record CreateTokenRequest(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> scopes, Instant expiresAt) {
	}

	record CreatedToken(long id, String name, List<String> scopes, Instant expiresAt, String token) {
	}

	@PostMapping
	@Operation(summary = "Create a token with your e-mail and password (HTTP Basic); the secret is shown only in this answer")
	ResponseEntity<CreatedToken> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody CreateTokenRequest request) {
		IssuedToken issued = tokens.issue(me.id(), request.name(), request.scopes(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
			.body(new CreatedToken(issued.token().id(), issued.token().name(), issued.token().scopes(),
					issued.token().expiresAt(), issued.secret()));
	}

	/** The caller's own tokens; admins with the admin scope see everyone's. */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	@Operation(summary = "List your tokens (everyone's with the admin scope), newest first")
	PageResponse<ApiTokenView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var paging = Paging.of(page, size, Sort.unsorted());
		return PageResponse.of(me.has(Scope.ADMIN) ? tokens.allTokens(paging) : tokens.tokensOf(me.id(), paging),
				t -> t);
	}

	/** Revoking changes what works, so it takes the write scope (an admin may revoke anyone's). */
	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	@Operation(summary = "Revoke one of your tokens (any user's with the admin scope)")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		tokens.revoke(id, me);
		return ResponseEntity.noContent().build();
	}

}
