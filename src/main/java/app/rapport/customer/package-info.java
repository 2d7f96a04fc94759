/** The customer file: organizations, contacts, their profile, timeline, imports and exports. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity :: api", "audit :: api", "shared" })
package app.rapport.customer;
