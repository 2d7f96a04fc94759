-- Owned by the commitment module. The punctuality board's filters (group, owner, plan) over running clocks
-- (stopped_at is null), in its order; H2 has no partial indexes (PostgreSQL's are in postgresql/V106).
create index ix_commitment_clock_running_group on commitment_clock (stopped_at, group_id, due_at, id);
create index ix_commitment_clock_running_owner on commitment_clock (stopped_at, owner_id, due_at, id);
create index ix_commitment_clock_running_plan on commitment_clock (stopped_at, plan_id, due_at, id);
