package app.rapport.identity;

/** A value with the version it was read at, so that an edit form can refuse a stale save (409). */
public record Versioned<T>(T value, long version) {
}
