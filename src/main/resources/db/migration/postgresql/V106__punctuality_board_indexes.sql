-- Owned by the commitment module. The punctuality board lists running clocks (stopped_at is null) by due
-- time and id, filtered by group, owner or plan. Partial indexes in exactly that order let PostgreSQL read
-- the first 200 rows from an index range instead of sorting every running clock (EXPLAIN: an index scan
-- under the LIMIT, no sort); "stopped_at is null" as a leading index column does not give it that order.
create index ix_commitment_clock_running_due on commitment_clock (due_at, id) where stopped_at is null;
create index ix_commitment_clock_running_group on commitment_clock (group_id, due_at, id) where stopped_at is null;
create index ix_commitment_clock_running_owner on commitment_clock (owner_id, due_at, id) where stopped_at is null;
create index ix_commitment_clock_running_plan on commitment_clock (plan_id, due_at, id) where stopped_at is null;
