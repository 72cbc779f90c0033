-- The change feed. Statement triggers record every create, update and delete of the feed's resources in `changes`,
-- tagged with the writing transaction. Just before it commits, a writing transaction takes the feed lock and gets the
-- next batch number (change_batches); the lock is held until commit, so batch numbers become visible in the order of
-- commits. Readers page by (batch, change id): a transaction that took its number earlier can never appear behind a
-- cursor a client already holds, which a plain sequence taken mid-transaction could.
create table changes (
    id            bigint generated always as identity primary key,
    txid          xid8 not null default pg_current_xact_id(),
    resource_type text not null,
    resource_key  text not null,
    action        text not null check (action in ('created', 'updated', 'deleted')),
    etag          text,
    changed_at    timestamptz not null default now()
);
create index changes_txid_idx on changes (txid, id);

create table change_batches (
    seq          bigint generated always as identity primary key,
    txid         xid8 not null unique,
    committed_at timestamptz not null default now()
);

-- Called by every writing transaction just before commit (and by the migrator after the seed).
create function stamp_changes() returns void
language sql as $$
    select pg_advisory_xact_lock(7147483647);
    insert into change_batches (txid)
    select pg_current_xact_id() where exists (select 1 from changes where txid = pg_current_xact_id())
    on conflict (txid) do nothing;
$$;

create function record_changes() returns trigger
language plpgsql as $$
declare
    feed_kind text := tg_argv[0]; -- not "kind": parks have a column of that name
begin
    if feed_kind = 'observation' then
        if tg_op = 'INSERT' then
            insert into changes (resource_type, resource_key, action, etag)
            select feed_kind, i.code || '/' || p.code || '/' || n.period, 'created', '"' || n.version || '"'
            from new_rows n join indicators i on i.id = n.indicator_id join parks p on p.id = n.park_id;
        elsif tg_op = 'UPDATE' then
            insert into changes (resource_type, resource_key, action, etag)
            select feed_kind, i.code || '/' || p.code || '/' || n.period, 'updated', '"' || n.version || '"'
            from new_rows n join old_rows o on o.id = n.id join indicators i on i.id = n.indicator_id join parks p on p.id = n.park_id
            where n.version is distinct from o.version;
        else
            insert into changes (resource_type, resource_key, action)
            select feed_kind, i.code || '/' || p.code || '/' || o.period, 'deleted'
            from old_rows o join indicators i on i.id = o.indicator_id join parks p on p.id = o.park_id;
        end if;
    elsif feed_kind = 'measure' then
        if tg_op = 'INSERT' then
            insert into changes (resource_type, resource_key, action)
            select feed_kind, p.code || '/' || n.code, 'created' from new_rows n join policies p on p.id = n.policy_id;
        elsif tg_op = 'UPDATE' then
            insert into changes (resource_type, resource_key, action)
            select feed_kind, p.code || '/' || n.code, 'updated' from new_rows n join old_rows o on o.id = n.id join policies p on p.id = n.policy_id
            where n is distinct from o;
        else
            -- A measure deleted with its policy leaves no policy to name it by: the policy's own deletion covers it.
            insert into changes (resource_type, resource_key, action)
            select feed_kind, p.code || '/' || o.code, 'deleted' from old_rows o join policies p on p.id = o.policy_id;
        end if;
    else
        -- parks, indicators, policies: keyed by code; an update counts only when it changed the version
        -- (a policy's search index refresh does not).
        if tg_op = 'INSERT' then
            insert into changes (resource_type, resource_key, action, etag)
            select feed_kind, n.code, 'created', '"' || n.version || '"' from new_rows n;
        elsif tg_op = 'UPDATE' then
            insert into changes (resource_type, resource_key, action, etag)
            select feed_kind, n.code, 'updated', '"' || n.version || '"' from new_rows n join old_rows o on o.id = n.id
            where n.version is distinct from o.version;
        else
            insert into changes (resource_type, resource_key, action)
            select feed_kind, o.code, 'deleted' from old_rows o;
        end if;
    end if;
    return null;
end
$$;

do $$
declare
    feed record;
begin
    for feed in select * from (values ('parks', 'park'), ('indicators', 'indicator'), ('observations', 'observation'),
                                      ('policies', 'policy'), ('support_measures', 'measure')) as t (tbl, kind) loop
        execute format('create trigger %I after insert on %I referencing new table as new_rows for each statement execute function record_changes(%L)', feed.tbl || '_changes_insert', feed.tbl, feed.kind);
        execute format('create trigger %I after update on %I referencing new table as new_rows old table as old_rows for each statement execute function record_changes(%L)', feed.tbl || '_changes_update', feed.tbl, feed.kind);
        execute format('create trigger %I after delete on %I referencing old table as old_rows for each statement execute function record_changes(%L)', feed.tbl || '_changes_delete', feed.tbl, feed.kind);
    end loop;
end
$$;

-- The audit log of reference data: who (the API key's name, set per transaction as gaoxin.actor), what, when, and the
-- row before and after. Observations keep their own history (observation_revisions); imports are logged once each.
create table audit_log (
    id            bigint generated always as identity primary key,
    actor         text not null,
    action        text not null check (action in ('created', 'updated', 'deleted')),
    resource_type text not null,
    resource_key  text not null,
    before        jsonb,
    after         jsonb,
    at            timestamptz not null default now()
);
create index audit_log_resource_idx on audit_log (resource_type, resource_key, id);

create function record_audit() returns trigger
language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('gaoxin.actor', true), ''), current_user);
    target jsonb := coalesce(to_jsonb(new), to_jsonb(old)); -- by name, since each table has its own columns
    key text;
begin
    -- The search index is derived data: leave it out of what changed.
    -- A measure deleted with its policy may outlive the policy row in this statement: name it by the policy's id then.
    key := case tg_argv[0]
               when 'measure' then coalesce((select code from policies where id = (target ->> 'policy_id')::bigint), '#' || (target ->> 'policy_id'))
                                   || '/' || (target ->> 'code')
               when 'api-key' then target ->> 'name'
               else target ->> 'code' end;
    -- Derived or secret columns stay out of the log: the search index, and a key's hash.
    if tg_op = 'UPDATE' and (to_jsonb(new) - 'search' - 'updated_at' - 'version' - 'last_used_at') = (to_jsonb(old) - 'search' - 'updated_at' - 'version' - 'last_used_at') then
        return null;
    end if;
    insert into audit_log (actor, action, resource_type, resource_key, before, after)
    values (actor, case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end, tg_argv[0], key,
            case when tg_op <> 'INSERT' then to_jsonb(old) - 'search' - 'hash' end, case when tg_op <> 'DELETE' then to_jsonb(new) - 'search' - 'hash' end);
    return null;
end
$$;

create trigger parks_audit after insert or update or delete on parks for each row execute function record_audit('park');
create trigger indicators_audit after insert or update or delete on indicators for each row execute function record_audit('indicator');
create trigger policies_audit after insert or update or delete on policies for each row execute function record_audit('policy');
create trigger support_measures_audit after insert or update or delete on support_measures for each row execute function record_audit('measure');
create trigger api_keys_audit after insert or update or delete on api_keys for each row execute function record_audit('api-key');
