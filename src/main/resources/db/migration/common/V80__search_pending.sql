-- Owned by the search module. Which index documents (tickets with their messages, contacts, organizations)
-- changed in transactions whose index updates may not be committed to disk yet: written in the changing
-- transaction, deleted once the index was committed past it, and reindexed at start-up when a crash left
-- rows behind (ADR 10). Portable SQL: runs unchanged on H2 and PostgreSQL.
create table search_pending (
    entity      varchar(20)  not null,
    entity_id   bigint       not null,
    -- One per transaction; the rows of a transaction are deleted together.
    batch_id    varchar(36)  not null,
    recorded_at timestamp with time zone not null,
    primary key (entity, entity_id, batch_id)
);
create index ix_search_pending_batch on search_pending (batch_id);
