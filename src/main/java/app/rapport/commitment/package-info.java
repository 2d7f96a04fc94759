/** Service commitments: plans, business calendars, clocks, breaches and the punctuality board. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "customer", "identity", "notification", "audit", "shared" })
package app.rapport.commitment;
