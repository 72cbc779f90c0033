-- changes_park_idx (migration 0014) was never scanned: pg_stat_user_indexes shows 0 scans after the whole test suite
-- and after a full `make bench`. The feed is read in commit order (changes_txid_idx) and filtered by park on the way,
-- and no endpoint asks for one park's changes alone. Every figure written adds a feed row that names its park, so the
-- index cost one more index entry per imported figure (about 0.5 s of a million-row import) for nothing.
drop index changes_park_idx;
