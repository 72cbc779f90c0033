-- When a figure or a document version "was recorded" is when its transaction committed: the time of its change-feed
-- batch, taken at commit under the feed lock. So recordedAt follows the feed's order, and an asOf read of a past
-- moment never changes afterwards (a transaction that wrote before the moment but committed after it was not yet
-- recorded at that moment, and is not counted as if it had been).
--
-- Rows keep the transaction that wrote them; reads look its batch up (recorded_time). Nothing is rewritten at commit,
-- so imports pay nothing for it. The write-time recorded_at stays: a commit is never earlier than its writes, so it
-- bounds an asOf scan from below (and its index still serves), and it is the time of rows written before this
-- migration, which have no transaction noted.

alter table observations add column recorded_txid xid8;
alter table observations alter column recorded_txid set default pg_current_xact_id();
alter table observation_revisions add column recorded_txid xid8;
alter table observation_revisions alter column recorded_txid set default pg_current_xact_id();
alter table policy_versions add column recorded_txid xid8;
alter table policy_versions alter column recorded_txid set default pg_current_xact_id();

-- A figure is updated in place: whoever updates it (the API, an import, psql), the row names the new transaction.
create function note_recording_transaction() returns trigger
language plpgsql as $$
begin
    new.recorded_txid := pg_current_xact_id();
    return new;
end
$$;

create trigger observations_recording_transaction before update on observations
    for each row when (old.version is distinct from new.version) execute function note_recording_transaction();

-- The commit time of the transaction that wrote a row, or the time written in the row when none is known.
create function recorded_time(recorded_txid xid8, written_at timestamptz) returns timestamptz
language sql stable parallel safe as $$
    select coalesce((select b.committed_at from change_batches b where b.txid = recorded_txid), written_at)
$$;
