/** Requests and complaints: tickets, their conversation, states, owners and groups. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "audit", "shared" })
package app.rapport.ticket;
