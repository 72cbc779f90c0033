-- The foreign keys of observations checked their parents one row at a time: one `select … for key share` per row and
-- key, 11 s of every million imported figures (EXPLAIN ANALYZE per trigger, docs/BENCHMARKS.md). These triggers make
-- the same guarantee once per statement: each distinct parent is locked once, as the foreign key would lock it, and a
-- missing one fails the statement with the same error (23503, the same constraint name), so every writer, not only
-- the importer, is still held to it. The parents' side is a statement trigger on their deletes.

alter table observations
    drop constraint observations_indicator_id_fkey,
    drop constraint observations_park_id_fkey,
    drop constraint observations_source_id_fkey;

-- Locks each of `ids` in `parent` against deletion (key share, as a foreign key does) and fails, as the foreign key
-- on observations' `child_column` did, naming the first that is not there. Under read committed a parent deleted by a
-- transaction that committed while this one waited for its row lock is not returned by the lock: it counts as missing.
create function observations_require_parents(parent regclass, child_column text, ids bigint[]) returns void
language plpgsql as $$
declare
    locked bigint[];
begin
    if cardinality(ids) = 0 then
        return;
    end if;
    execute format('select coalesce(array_agg(id), ''{}'') from (select id from %s where id = any($1) for key share) p', parent)
        into locked using ids;
    if cardinality(locked) < cardinality(ids) then
        raise exception 'insert or update on table "observations" violates foreign key constraint "observations_%_fkey"', child_column
            using errcode = 'foreign_key_violation', table = 'observations', constraint = format('observations_%s_fkey', child_column),
                  detail = format('Key (%s)=(%s) is not present in table "%s".', child_column,
                                  (select min(i) from unnest(ids) i where i <> all (locked)), parent);
    end if;
end $$;

create function observations_parents_exist() returns trigger
language plpgsql as $$
begin
    perform observations_require_parents('indicators', 'indicator_id', array(select distinct indicator_id from new_rows));
    perform observations_require_parents('parks', 'park_id', array(select distinct park_id from new_rows));
    perform observations_require_parents('sources', 'source_id', array(select distinct source_id from new_rows where source_id is not null));
    return null;
end $$;

-- An update checks only the parents it changes, as a foreign key does: correcting a figure does not lock its park, so
-- it never waits for an edit of the park (which holds the park's row `for update`).
create function observations_changed_parents_exist() returns trigger
language plpgsql as $$
declare
    indicator_ids bigint[];
    park_ids bigint[];
    source_ids bigint[];
begin
    select coalesce(array_agg(distinct n.indicator_id) filter (where n.indicator_id <> o.indicator_id), '{}'),
           coalesce(array_agg(distinct n.park_id) filter (where n.park_id <> o.park_id), '{}'),
           coalesce(array_agg(distinct n.source_id) filter (where n.source_id is distinct from o.source_id and n.source_id is not null), '{}')
    into indicator_ids, park_ids, source_ids
    from new_rows n join old_rows o on o.id = n.id;
    perform observations_require_parents('indicators', 'indicator_id', indicator_ids);
    perform observations_require_parents('parks', 'park_id', park_ids);
    perform observations_require_parents('sources', 'source_id', source_ids);
    return null;
end $$;

create trigger observations_parents_insert after insert on observations referencing new table as new_rows
    for each statement execute function observations_parents_exist();
create trigger observations_parents_update after update on observations referencing old table as old_rows new table as new_rows
    for each statement execute function observations_changed_parents_exist();

-- A parent deleted while a figure names it. The delete has already waited for the row locks of figures being written
-- (above), and each statement of this function reads with a fresh snapshot, so a figure committed meanwhile is seen.
-- tg_argv[0] is the column of observations that names the parent.
create function observations_restrict_parent_delete() returns trigger
language plpgsql as $$
declare
    named bigint;
begin
    execute format('select o.%1$I from observations o where o.%1$I in (select id from old_rows) limit 1', tg_argv[0]) into named;
    if named is not null then
        raise exception 'update or delete on table "%" violates foreign key constraint "observations_%_fkey" on table "observations"', tg_table_name, tg_argv[0]
            using errcode = 'foreign_key_violation', table = 'observations', constraint = format('observations_%s_fkey', tg_argv[0]),
                  detail = format('Key (id)=(%s) is still referenced from table "observations".', named);
    end if;
    return null;
end $$;

create trigger indicators_observed_delete after delete on indicators referencing old table as old_rows
    for each statement execute function observations_restrict_parent_delete('indicator_id');
create trigger parks_observed_delete after delete on parks referencing old table as old_rows
    for each statement execute function observations_restrict_parent_delete('park_id');
create trigger sources_observed_delete after delete on sources referencing old table as old_rows
    for each statement execute function observations_restrict_parent_delete('source_id');
