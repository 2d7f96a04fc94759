-- Spring Modulith's event publication registry (schema v2): one row per event and listener in another
-- module, written in the publishing transaction and deleted once the listener completed (completion mode
-- DELETE), so the table holds only what is still to do or failed. ADR 14.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_status_idx on event_publication (status, publication_date);
-- Rows come and go at the rate of ticket writes: let autovacuum keep up.
alter table event_publication set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
