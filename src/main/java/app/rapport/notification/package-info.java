/** In-app notifications for users, and the port through which Rapport sends them e-mail. */
package app.rapport.notification;
