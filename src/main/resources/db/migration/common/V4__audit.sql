-- The audit trail: insert-only.
create sequence audit_entry_seq start with 1 increment by 50;

create table audit_entry (
    id            bigint primary key,
    entity_type   varchar(30)  not null,
    entity_id     bigint       not null,
    field         varchar(60)  not null,
    old_value     varchar(2000),
    new_value     varchar(2000),
    actor_user_id bigint,
    occurred_at   timestamp with time zone not null
);
create index ix_audit_entity on audit_entry (entity_type, entity_id, occurred_at);
