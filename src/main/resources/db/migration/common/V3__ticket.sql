-- Tickets and their conversation.
create sequence ticket_seq start with 1 increment by 50;
create sequence message_seq start with 1 increment by 50;

create table ticket (
    id              bigint primary key,
    subject         varchar(500) not null,
    type            varchar(20)  not null,
    priority        varchar(10)  not null,
    state           varchar(20)  not null,
    requester_id    bigint       not null references contact (id),
    organization_id bigint references organization (id),
    group_id        bigint       not null references agent_group (id),
    owner_id        bigint references app_user (id),
    channel         varchar(20)  not null,
    merged_into_id  bigint references ticket (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    solved_at       timestamp with time zone,
    closed_at       timestamp with time zone,
    version         bigint not null
);
-- Queue pages filter by state/group/owner and sort by update time: one index per common path.
create index ix_ticket_state_updated on ticket (state, updated_at);
create index ix_ticket_group_state on ticket (group_id, state, updated_at);
create index ix_ticket_owner_state on ticket (owner_id, state, updated_at);
create index ix_ticket_requester on ticket (requester_id, created_at);
create index ix_ticket_organization on ticket (organization_id, created_at);
create index ix_ticket_updated on ticket (updated_at);

create table ticket_tag (
    ticket_id bigint      not null references ticket (id),
    tag       varchar(60) not null,
    primary key (ticket_id, tag)
);
create index ix_ticket_tag_tag on ticket_tag (tag);

create table message (
    id                bigint primary key,
    ticket_id         bigint  not null references ticket (id),
    author_user_id    bigint references app_user (id),
    author_contact_id bigint references contact (id),
    is_public         boolean not null,
    body_text         varchar(1000000) not null,
    body_html         varchar(1000000),
    created_at        timestamp with time zone not null
);
create index ix_message_ticket on message (ticket_id, created_at);
