-- Admin-defined custom attributes of contacts and organizations, and their values.
create sequence attribute_definition_seq start with 1 increment by 50;

create table attribute_definition (
    id             bigint primary key,
    target         varchar(20)  not null,
    attr_key       varchar(60)  not null,
    label          varchar(200) not null,
    value_type     varchar(20)  not null,
    choice_options varchar(2000),
    sort_order     integer      not null,
    created_at     timestamp with time zone not null,
    version        bigint       not null,
    constraint uq_attribute_definition unique (target, attr_key)
);

create table contact_attribute (
    contact_id bigint        not null references contact (id),
    attr_key   varchar(60)   not null,
    attr_value varchar(1000) not null,
    primary key (contact_id, attr_key)
);

create table organization_attribute (
    organization_id bigint        not null references organization (id),
    attr_key        varchar(60)   not null,
    attr_value      varchar(1000) not null,
    primary key (organization_id, attr_key)
);

-- List filters: live (not merged) contacts, and by tag.
create index ix_contact_merged on contact (merged_into_id);
create index ix_contact_tag_tag on contact_tag (tag);
create index ix_organization_tag_tag on organization_tag (tag);
