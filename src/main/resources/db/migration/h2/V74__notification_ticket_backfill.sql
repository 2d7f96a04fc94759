-- Notices stored before V73 point to their ticket only by their link.
update notification set ticket_id = cast(substring(link, 10) as bigint)
where regexp_like(link, '^/tickets/[0-9]{1,18}$');
