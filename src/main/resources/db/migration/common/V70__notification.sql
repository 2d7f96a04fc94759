-- In-app notifications, one row per recipient. Portable SQL: runs unchanged on H2 and PostgreSQL.
create sequence notification_seq start with 1 increment by 50;

create table notification (
    id          bigint primary key,
    user_id     bigint        not null references app_user (id),
    kind        varchar(60)   not null,
    message_key varchar(120)  not null,
    -- The message arguments as a JSON array of strings ("msg:" ones are message keys); at most 1,000
    -- characters before escaping.
    args        varchar(8000) not null,
    link        varchar(500),
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
-- Serves the unread count in the navbar and both lists (all / unread only), newest first.
create index ix_notification_user on notification (user_id, read_at, created_at);
