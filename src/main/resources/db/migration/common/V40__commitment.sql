-- Service commitments: business calendars, plans with targets, the facts clocks are computed from,
-- the clocks themselves, breaches with their reasons. No foreign keys into other modules' tables:
-- the commitment module learns about tickets from events, and keeps its own copy of what it needs.
create sequence commitment_seq start with 1 increment by 50;

create table business_calendar (
    id             bigint primary key,
    ready_made_key varchar(40) unique,
    name           varchar(200) not null,
    time_zone      varchar(60)  not null,
    -- "MONDAY=09:00-12:00,13:30-18:00;TUESDAY=..." (few rows, read whole)
    weekly_hours   varchar(2000) not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null
);

create table calendar_day (
    calendar_id bigint      not null references business_calendar (id) on delete cascade,
    on_date     date        not null,
    kind        varchar(20) not null,
    name        varchar(200),
    periods     varchar(300),
    primary key (calendar_id, on_date)
);

create table service_plan (
    id              bigint primary key,
    name            varchar(100) not null unique,
    description     varchar(2000),
    calendar_id     bigint  not null references business_calendar (id),
    is_default      boolean not null,
    at_risk_percent integer not null,
    -- commitments paused while the ticket waits for the customer / a third party, e.g. "first_response,resolution"
    pending_pauses  varchar(100) not null,
    on_hold_pauses  varchar(100) not null,
    public_listed   boolean not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);

create table plan_target (
    id                     bigint primary key,
    plan_id                bigint      not null references service_plan (id) on delete cascade,
    priority               varchar(10) not null,
    ticket_type            varchar(20),
    first_response_minutes integer,
    next_update_minutes    integer,
    resolution_minutes     integer
);
create index ix_plan_target_plan on plan_target (plan_id);

create table escalation_rule (
    id               bigint primary key,
    plan_id          bigint      not null references service_plan (id) on delete cascade,
    trigger_on       varchar(20) not null,
    commitment       varchar(20),
    raise_priority   varchar(10),
    reassign_group_id bigint,
    notify_user_id   bigint
);
create index ix_escalation_rule_plan on escalation_rule (plan_id);

-- Which plan a customer has: an organization or a contact (a contact inherits the organization's).
create table plan_assignment (
    target_kind varchar(20) not null,
    target_id   bigint      not null,
    plan_id     bigint      not null references service_plan (id),
    assigned_at timestamp with time zone not null,
    primary key (target_kind, target_id)
);
create index ix_plan_assignment_plan on plan_assignment (plan_id);

-- The tickets the module keeps time for, as they stand now.
create table commitment_ticket (
    ticket_id       bigint primary key,
    plan_id         bigint       not null,
    subject         varchar(500) not null,
    requester_id    bigint       not null,
    organization_id bigint,
    group_id        bigint       not null,
    owner_id        bigint,
    priority        varchar(10)  not null,
    ticket_type     varchar(20)  not null,
    state           varchar(20)  not null,
    opened_at       timestamp with time zone not null
);
create index ix_commitment_ticket_requester on commitment_ticket (requester_id);
create index ix_commitment_ticket_organization on commitment_ticket (organization_id);
create index ix_commitment_ticket_plan on commitment_ticket (plan_id);

-- What happened to a ticket, in order: clocks are recomputed from these, never patched.
create table commitment_fact (
    id          bigint primary key,
    ticket_id   bigint      not null,
    happened_at timestamp with time zone not null,
    kind        varchar(20) not null,
    state       varchar(20) not null,
    priority    varchar(10) not null,
    ticket_type varchar(20) not null,
    plan_id     bigint      not null
);
create index ix_commitment_fact_ticket on commitment_fact (ticket_id, happened_at, id);

create table commitment_clock (
    id                  bigint primary key,
    ticket_id           bigint      not null,
    commitment          varchar(20) not null,
    cycle_no            integer     not null,
    state               varchar(20) not null,
    plan_id             bigint      not null,
    priority            varchar(10) not null,
    group_id            bigint      not null,
    owner_id            bigint,
    target_minutes      integer     not null,
    started_at          timestamp with time zone not null,
    due_at              timestamp with time zone,
    at_risk_at          timestamp with time zone,
    stopped_at          timestamp with time zone,
    breached_at         timestamp with time zone,
    remaining_seconds   bigint,
    at_risk_notified_at timestamp with time zone,
    detected_at         timestamp with time zone,
    -- the next instant the detector must look at this clock; null when nothing is pending
    next_check_at       timestamp with time zone,
    settled_on          date,
    version             bigint not null,
    unique (ticket_id, commitment, cycle_no)
);
create index ix_commitment_clock_check on commitment_clock (next_check_at);
create index ix_commitment_clock_board on commitment_clock (stopped_at, due_at);
create index ix_commitment_clock_settled on commitment_clock (settled_on);

create table breach_reason (
    reason_key varchar(60) primary key,
    name_en    varchar(200) not null,
    name_zh_cn varchar(200) not null,
    name_zh_tw varchar(200) not null,
    name_bg    varchar(200) not null,
    active     boolean not null,
    sort_order integer not null
);

create table breach (
    id           bigint primary key,
    clock_id     bigint      not null unique,
    ticket_id    bigint      not null,
    commitment   varchar(20) not null,
    plan_id      bigint      not null,
    priority     varchar(10) not null,
    group_id     bigint      not null,
    owner_id     bigint,
    due_at       timestamp with time zone not null,
    detected_at  timestamp with time zone not null,
    reason_key   varchar(60) references breach_reason (reason_key),
    note         varchar(2000),
    explained_by bigint,
    explained_at timestamp with time zone,
    version      bigint not null
);
create index ix_breach_unexplained on breach (explained_at, owner_id, detected_at);
create index ix_breach_ticket on breach (ticket_id);
create index ix_breach_detected on breach (detected_at);

insert into breach_reason (reason_key, name_en, name_zh_cn, name_zh_tw, name_bg, active, sort_order) values
 ('workload', 'Too many tickets for the people on duty', '当班人手不足，工单过多', '值班人手不足，案件過多', 'Твърде много заявки за дежурните', true, 10),
 ('waiting-internal', 'Waiting for another team', '等待其他部门', '等待其他部門', 'Чакане на друг екип', true, 20),
 ('waiting-supplier', 'Waiting for a supplier or partner', '等待供应商或合作伙伴', '等待供應商或合作夥伴', 'Чакане на доставчик или партньор', true, 30),
 ('misrouted', 'Sent to the wrong group first', '最初分派到错误的组', '最初分派到錯誤的組', 'Първо изпратена към грешен екип', true, 40),
 ('unassigned', 'Nobody owned the ticket', '工单无人负责', '案件無人負責', 'Никой не отговаряше за заявката', true, 50),
 ('complex', 'The problem took longer than planned', '问题比预期复杂', '問題比預期複雜', 'Проблемът отне повече от планираното', true, 60),
 ('absence', 'The owner was absent', '负责人缺勤', '負責人缺勤', 'Отговорникът отсъстваше', true, 70),
 ('tooling', 'A system or tool failed', '系统或工具故障', '系統或工具故障', 'Отказ на система или инструмент', true, 80),
 ('other', 'Other (see the note)', '其他（见备注）', '其他（見備註）', 'Друго (вижте бележката)', true, 90);
