/** Users, roles, groups, sign-in and API tokens: who may see and do what. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit :: api", "shared" })
package app.rapport.identity;
