/** The audit trail: who changed which field of a ticket, contact or organization, when, from what to what. */
package app.rapport.audit;
