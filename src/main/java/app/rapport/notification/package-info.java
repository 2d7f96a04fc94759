/** In-app notifications for users, and the port through which Rapport sends them e-mail. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity :: api", "ticket :: api", "shared" })
package app.rapport.notification;
