-- Lists sorted by priority order by the stored rank (4 urgent … 1 low) through an index, instead of by a
-- CASE expression over the priority's name. Portable SQL: runs unchanged on H2 and PostgreSQL.
alter table ticket add column priority_rank smallint;
update ticket set priority_rank = case priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end;
alter table ticket alter column priority_rank set not null;
create index ix_ticket_state_rank on ticket (state, priority_rank, updated_at, id);
create index ix_ticket_group_state_rank on ticket (group_id, state, priority_rank, updated_at);
