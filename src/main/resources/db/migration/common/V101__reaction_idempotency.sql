-- Reactions to events are delivered at least once (ADR 14): what they write tells a redelivery.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- The ticket event a fact came from; null for facts of a plan change or recorded before events were kept.
alter table commitment_fact add column event_id uuid;
create unique index ux_commitment_fact_event on commitment_fact (event_id);
-- When the newest activity applied to the ticket's copy happened: an older one delivered late changes no field.
alter table commitment_ticket add column last_activity_at timestamp with time zone;

-- What a notice is about (e.g. "breach:42"): a user is told about one thing once, however often it is delivered.
alter table notification add column about varchar(120);
create unique index ux_notification_about on notification (user_id, about);
-- Mail about the notice: null while not sent (or not to be sent), else when it left.
alter table notification add column mailed_at timestamp with time zone;
