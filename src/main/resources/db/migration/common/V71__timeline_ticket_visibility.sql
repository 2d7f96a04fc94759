-- Timeline entries about a ticket carry a copy of that ticket's group and owner, kept current by the
-- ticket module, so that a timeline query can apply the ticket's visibility rule itself.
alter table timeline_entry add column ticket_group_id bigint;
alter table timeline_entry add column ticket_owner_id bigint;
update timeline_entry set
    ticket_group_id = (select t.group_id from ticket t where t.id = timeline_entry.ticket_id),
    ticket_owner_id = (select t.owner_id from ticket t where t.id = timeline_entry.ticket_id)
where ticket_id is not null;
create index ix_timeline_ticket on timeline_entry (ticket_id);
