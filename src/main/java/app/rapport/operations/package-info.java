/**
 * Operations: the background work other modules leave behind them, made visible and kept going. Reactions
 * to events that failed are retried with backoff; admins see what is still to do, how old it is, and can
 * retry at once, and how far the search index is behind; the same figures are metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = { "shared", "search :: api" })
package app.rapport.operations;
