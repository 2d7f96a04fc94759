-- Spring Modulith's event publication registry (schema v2): one row per event and listener in another
-- module, written in the publishing transaction and deleted once the listener completed (completion mode
-- DELETE), so the table holds only what is still to do or failed. ADR 14.
create table event_publication (
    id                     uuid not null primary key,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(16000) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);
create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_status_idx on event_publication (status, publication_date);
