/** Full-text search across tickets, messages, contacts and organizations in four languages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "customer", "identity", "shared" })
package app.rapport.search;
