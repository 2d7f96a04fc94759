-- The background recompute walks a plan's tickets in id order (plan_id = ? and ticket_id > ? order by
-- ticket_id): with an index on plan_id alone PostgreSQL read every ticket of the plan and sorted them, for
-- every batch of 500 (78 ms per batch at 200 k tickets). The composite serves plan lookups too.
create index ix_commitment_ticket_plan_ticket on commitment_ticket (plan_id, ticket_id);
drop index ix_commitment_ticket_plan;

-- Progress in clocks as well as tickets: the page and the API say how many clocks moved.
alter table commitment_recompute add column done_clocks bigint default 0 not null;
