-- Users, groups and API tokens. Portable SQL: runs unchanged on H2 and PostgreSQL.
create sequence app_user_seq start with 1 increment by 50;
create sequence agent_group_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;

create table app_user (
    id              bigint primary key,
    email           varchar(254) not null,
    display_name    varchar(200) not null,
    password_hash   varchar(200),
    role            varchar(20)  not null,
    language        varchar(10)  not null,
    time_zone       varchar(64)  not null,
    active          boolean      not null,
    failed_sign_ins integer      not null,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint       not null
);
create unique index ux_app_user_email on app_user (email);

create table user_language (
    user_id  bigint      not null references app_user (id),
    language varchar(10) not null,
    primary key (user_id, language)
);

create table agent_group (
    id              bigint primary key,
    name            varchar(120) not null,
    assignment_mode varchar(20)  not null,
    created_at      timestamp with time zone not null,
    version         bigint       not null
);
create unique index ux_agent_group_name on agent_group (name);

create table group_member (
    user_id  bigint not null references app_user (id),
    group_id bigint not null references agent_group (id),
    primary key (user_id, group_id)
);
create index ix_group_member_group on group_member (group_id);

create table api_token (
    id           bigint primary key,
    user_id      bigint       not null references app_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    token_prefix varchar(12)  not null,
    scopes       varchar(40)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create unique index ux_api_token_hash on api_token (token_hash);
create index ix_api_token_user on api_token (user_id);
