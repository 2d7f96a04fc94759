/** Full-text search across tickets, messages, contacts and organizations in four languages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket :: api", "ticket :: indexed", "customer :: api", "customer :: indexed", "identity :: api", "shared" })
package app.rapport.search;
