/** The audit trail: who changed which field of a ticket, contact or organization, when, from what to what. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package app.rapport.audit;
