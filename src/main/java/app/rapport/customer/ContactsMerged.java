package app.rapport.customer;

/**
 * Published (synchronously, inside the merge's transaction) when contact {@code sourceId} was merged
 * into {@code targetId}; other modules move what belongs to the source, e.g. its tickets.
 */
@org.springframework.modulith.NamedInterface("api")
public record ContactsMerged(long sourceId, long targetId, Long actorUserId) {
}
