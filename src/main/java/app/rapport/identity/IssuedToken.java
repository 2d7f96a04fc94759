package app.rapport.identity;

/** A newly created token: the only moment its secret is visible. */
public record IssuedToken(ApiTokenView token, String secret) {
}
