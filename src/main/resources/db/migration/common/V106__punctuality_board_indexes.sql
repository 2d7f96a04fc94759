-- Owned by the commitment module. The punctuality board lists running clocks (stopped_at is null) by due
-- time, filtered by group, owner or plan: one index per filter, in the board's order, so that its first
-- 200 rows come from an index range instead of a sort of every running clock.
create index ix_commitment_clock_board_group on commitment_clock (stopped_at, group_id, due_at);
create index ix_commitment_clock_board_owner on commitment_clock (stopped_at, owner_id, due_at);
create index ix_commitment_clock_board_plan on commitment_clock (stopped_at, plan_id, due_at);
