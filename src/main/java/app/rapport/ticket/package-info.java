/** Requests and complaints: tickets, their conversation, states, owners and groups. */
package app.rapport.ticket;
