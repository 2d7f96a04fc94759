/**
 * Demo company data and the bulk data generator for benchmarks.
 *
 * <p>This is a data tool, not a feature: {@link app.rapport.demo.DemoDataGenerator} writes straight into
 * other modules' tables (users' groups, organizations, contacts, tickets, messages, timeline, audit) with
 * JDBC batches, because loading a million tickets through the services would take hours. No feature
 * calls into this module, and nothing here runs unless demo data or a generation run is switched on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity :: api", "customer :: api", "ticket :: api", "commitment :: api", "search :: api", "audit :: api", "shared" })
package app.rapport.demo;
