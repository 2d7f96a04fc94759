/** Service commitments: plans, business calendars, clocks, breaches and the punctuality board. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket :: api", "customer :: api", "identity :: api", "notification :: api", "audit :: api", "shared" })
package app.rapport.commitment;
