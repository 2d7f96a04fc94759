-- A notice about a ticket names it, so that it is shown only to those who may still see that ticket.
alter table notification add column ticket_id bigint;
