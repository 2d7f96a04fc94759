-- A user's sessions carry the epoch they signed in with; raising it (password change, deactivation)
-- ends every session of that user at its next request.
alter table app_user add column session_epoch bigint default 0 not null;

-- Personal access tokens may expire.
alter table api_token add column expires_at timestamp with time zone;

-- Requests that name no group go to the default group; an existing installation keeps its lowest group.
alter table agent_group add column is_default boolean default false not null;
update agent_group set is_default = true where id = (select min(id) from agent_group);

-- One-time links with which a new user (created without a password) chooses one.
create sequence password_link_seq start with 1 increment by 50;
create table password_link (
    id         bigint primary key,
    user_id    bigint      not null references app_user (id),
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create unique index ux_password_link_hash on password_link (token_hash);
create index ix_password_link_user on password_link (user_id);
