-- The latest figure of every (park, indicator), kept by the statements that write observations (issue 13). The
-- dashboard (a park with its sub-parks: 100 parks × 200 indicators on the bench) read it with one index probe per
-- pair into observations; now it reads one contiguous range of this table. Reads with asOf still go to the history.
--
-- A row has the columns of its observation, under the same names, so the same joins read it. The latest is the figure
-- whose period ends last (then starts last), the order the lateral probe used.

create table latest_observations (
    park_id       bigint not null,
    indicator_id  bigint not null,
    id            bigint,          -- the observation's; null only inside a writing statement (see below)
    period        text,
    period_start  date,
    period_end    date,
    value         numeric,
    breakdown     jsonb,
    as_of         date,
    source_id     bigint,
    note          text,
    version       integer,
    recorded_at   timestamptz,
    recorded_by   text,
    recorded_txid xid8,
    primary key (park_id, indicator_id)
);

-- After each statement that writes observations, the pairs it touched are recomputed from the table itself.
-- Two transactions writing the same pair (different periods) must not each keep the figure it alone can see: the
-- pair's row is taken first (created when missing, locked in key order so writers cannot deadlock), and the
-- recomputation, a later statement with a fresh snapshot, sees every writer that held it before.
create function refresh_latest_observations() returns trigger
language plpgsql as $$
declare
    parks bigint[];
    indicators bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(park_id order by park_id, indicator_id), array_agg(indicator_id order by park_id, indicator_id) into parks, indicators
        from (select distinct park_id, indicator_id from new_rows) t;
    elsif tg_op = 'UPDATE' then
        select array_agg(park_id order by park_id, indicator_id), array_agg(indicator_id order by park_id, indicator_id) into parks, indicators
        from (select park_id, indicator_id from new_rows union select park_id, indicator_id from old_rows) t;
    else
        select array_agg(park_id order by park_id, indicator_id), array_agg(indicator_id order by park_id, indicator_id) into parks, indicators
        from (select distinct park_id, indicator_id from old_rows) t;
    end if;
    if parks is null then
        return null;
    end if;

    insert into latest_observations (park_id, indicator_id)
    select * from unnest(parks, indicators)
    on conflict do nothing;
    perform 1 from latest_observations l join unnest(parks, indicators) as t (park_id, indicator_id) using (park_id, indicator_id)
    order by l.park_id, l.indicator_id for update of l;

    update latest_observations l
    set id = x.id, period = x.period, period_start = x.period_start, period_end = x.period_end, value = x.value,
        breakdown = x.breakdown, as_of = x.as_of, source_id = x.source_id, note = x.note, version = x.version,
        recorded_at = x.recorded_at, recorded_by = x.recorded_by, recorded_txid = x.recorded_txid
    from unnest(parks, indicators) as t (park_id, indicator_id)
    cross join lateral (
        select o.* from observations o
        where o.park_id = t.park_id and o.indicator_id = t.indicator_id
        order by o.period_end desc, o.period_start desc
        limit 1) x
    where l.park_id = t.park_id and l.indicator_id = t.indicator_id;

    -- A pair whose last figure was deleted has none.
    delete from latest_observations l using unnest(parks, indicators) as t (park_id, indicator_id)
    where l.park_id = t.park_id and l.indicator_id = t.indicator_id
      and not exists (select 1 from observations o where o.park_id = t.park_id and o.indicator_id = t.indicator_id);
    return null;
end
$$;

create trigger observations_latest_insert after insert on observations referencing new table as new_rows
    for each statement execute function refresh_latest_observations();
create trigger observations_latest_update after update on observations referencing old table as old_rows new table as new_rows
    for each statement execute function refresh_latest_observations();
create trigger observations_latest_delete after delete on observations referencing old table as old_rows
    for each statement execute function refresh_latest_observations();

insert into latest_observations
select distinct on (o.park_id, o.indicator_id) o.park_id, o.indicator_id, o.id, o.period, o.period_start, o.period_end, o.value,
       o.breakdown, o.as_of, o.source_id, o.note, o.version, o.recorded_at, o.recorded_by, o.recorded_txid
from observations o
order by o.park_id, o.indicator_id, o.period_end desc, o.period_start desc;
