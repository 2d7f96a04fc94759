-- CSV imports run in the background; their progress and report live here so that any node can answer for them.
create table customer_import_job (
    id             varchar(36)  primary key,
    target         varchar(20)  not null,
    actor_user_id  bigint,
    file_name      varchar(300),
    charset        varchar(20)  not null,
    state          varchar(20)  not null,
    rows_in_file   integer      not null,
    rows_to_write  integer      not null,
    rows_written   integer      not null,
    report         varchar(1000000),
    error          varchar(1000),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);
create index ix_customer_import_job_created on customer_import_job (created_at);
