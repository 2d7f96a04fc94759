/** Full-text search across tickets, messages, contacts and organizations in four languages. */
package app.rapport.search;
