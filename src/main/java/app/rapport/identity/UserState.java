package app.rapport.identity;

/** What a signed-in session needs to know of its user at each request, read in one query. */
record UserState(String email, String displayName, Role role, boolean active, long sessionEpoch) {
}
