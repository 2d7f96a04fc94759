-- Round-robin cursor per group, links between tickets, attachments and admin-defined ticket fields.

-- One row per round-robin group; locked (select ... for update) while the next owner is chosen.
create table ticket_assignment_cursor (
    group_id     bigint primary key references agent_group (id),
    last_user_id bigint references app_user (id),
    version      bigint not null
);

create sequence ticket_link_seq start with 1 increment by 50;
create table ticket_link (
    id              bigint primary key,
    ticket_id       bigint      not null references ticket (id),
    other_ticket_id bigint      not null references ticket (id),
    kind            varchar(20) not null,
    created_by      bigint references app_user (id),
    created_at      timestamp with time zone not null
);
create unique index ux_ticket_link on ticket_link (ticket_id, other_ticket_id, kind);
create index ix_ticket_link_other on ticket_link (other_ticket_id);

-- Files live on disk under their SHA-256; this is what we know about each upload.
create sequence ticket_attachment_seq start with 1 increment by 50;
create table ticket_attachment (
    id           bigint primary key,
    message_id   bigint       not null references message (id),
    filename     varchar(255) not null,
    content_type varchar(150) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    created_at   timestamp with time zone not null
);
create index ix_ticket_attachment_message on ticket_attachment (message_id);

create sequence ticket_field_seq start with 1 increment by 50;
create table ticket_field (
    id         bigint primary key,
    field_key  varchar(60)   not null,
    label      varchar(120)  not null,
    kind       varchar(10)   not null,
    choices    varchar(2000),
    active     boolean       not null,
    sort_order integer       not null,
    created_at timestamp with time zone not null,
    version    bigint        not null
);
create unique index ux_ticket_field_key on ticket_field (field_key);

create table ticket_field_value (
    ticket_id   bigint        not null references ticket (id),
    field_key   varchar(60)   not null,
    field_value varchar(2000) not null,
    primary key (ticket_id, field_key)
);
