/** Requests and complaints: tickets, their conversation, states, owners and groups. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer :: api", "identity :: api", "audit :: api", "shared" })
package app.rapport.ticket;
