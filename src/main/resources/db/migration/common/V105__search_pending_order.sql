-- The background indexer takes the oldest changes first, and the index lag is the age of the oldest.
create index ix_search_pending_recorded on search_pending (recorded_at);
