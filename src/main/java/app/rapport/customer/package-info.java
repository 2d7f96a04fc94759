/** The customer file: organizations, contacts, their profile, timeline, imports and exports. */
package app.rapport.customer;
