-- Organizations, contacts and their timeline.
create sequence organization_seq start with 1 increment by 50;
create sequence contact_seq start with 1 increment by 50;
create sequence timeline_entry_seq start with 1 increment by 50;

create table organization (
    id                bigint primary key,
    name              varchar(300) not null,
    latin_name        varchar(300),
    domain            varchar(253),
    kind              varchar(20)  not null,
    lifecycle_stage   varchar(20)  not null,
    language          varchar(10)  not null,
    values_most       varchar(1000),
    notes             varchar(4000),
    account_owner_id  bigint references app_user (id),
    created_at        timestamp with time zone not null,
    version           bigint not null
);
create index ix_organization_name on organization (name);

create table organization_tag (
    organization_id bigint      not null references organization (id),
    tag             varchar(60) not null,
    primary key (organization_id, tag)
);

create table contact (
    id                 bigint primary key,
    name               varchar(300) not null,
    latin_name         varchar(300),
    organization_id    bigint references organization (id),
    organization_role  varchar(20),
    primary_email      varchar(254),
    language           varchar(10)  not null,
    preferred_channel  varchar(20),
    lifecycle_stage    varchar(20)  not null,
    values_most        varchar(1000),
    personal_notes     varchar(4000),
    account_owner_id   bigint references app_user (id),
    merged_into_id     bigint references contact (id),
    created_at         timestamp with time zone not null,
    version            bigint not null
);
create index ix_contact_organization on contact (organization_id);
create index ix_contact_name on contact (name);
create index ix_contact_primary_email on contact (primary_email);

create table contact_email (
    contact_id bigint       not null references contact (id),
    email      varchar(254) not null,
    primary key (contact_id, email)
);
create index ix_contact_email_email on contact_email (email);

create table contact_phone (
    contact_id bigint      not null references contact (id),
    phone      varchar(60) not null,
    normalized varchar(40) not null,
    primary key (contact_id, normalized)
);
create index ix_contact_phone_normalized on contact_phone (normalized);

create table contact_tag (
    contact_id bigint      not null references contact (id),
    tag        varchar(60) not null,
    primary key (contact_id, tag)
);

create table timeline_entry (
    id               bigint primary key,
    contact_id       bigint references contact (id),
    organization_id  bigint references organization (id),
    kind             varchar(30)  not null,
    summary          varchar(500) not null,
    ticket_id        bigint,
    duration_minutes integer,
    actor_user_id    bigint,
    occurred_at      timestamp with time zone not null
);
create index ix_timeline_contact on timeline_entry (contact_id, occurred_at, id);
create index ix_timeline_organization on timeline_entry (organization_id, occurred_at, id);
