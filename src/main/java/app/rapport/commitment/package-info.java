/** Service commitments: plans, business calendars, clocks, breaches and the punctuality board. */
package app.rapport.commitment;
