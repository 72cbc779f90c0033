-- 1. ETags never repeat for a key. A resource deleted at version 3 and created again starts at version 4, not 1, so
-- a client holding the old "1" can never overwrite the new resource with a stale If-Match. The last version of every
-- deleted resource is kept here, and whichever writer inserts (the API, an import, psql) the row continues from it.
create table retired_versions (
    resource_type text    not null,
    resource_key  text    not null,
    version       integer not null,
    primary key (resource_type, resource_key)
);

create function versioned_key(kind text, row_data jsonb) returns text
language sql immutable as $$
    select case kind
        when 'observation' then (row_data ->> 'indicator_id') || '/' || (row_data ->> 'park_id') || '/' || (row_data ->> 'period')
        when 'measure' then (row_data ->> 'policy_id') || '/' || (row_data ->> 'code')
        else row_data ->> 'code' end
$$;

-- An observation's deletion is itself a revision of its history (version + 1); other resources end at their version.
create function retire_version() returns trigger
language plpgsql as $$
begin
    insert into retired_versions (resource_type, resource_key, version)
    values (tg_argv[0], versioned_key(tg_argv[0], to_jsonb(old)), old.version + case when tg_argv[0] = 'observation' then 1 else 0 end)
    on conflict (resource_type, resource_key) do update set version = greatest(retired_versions.version, excluded.version);
    return null;
end
$$;

create function continue_version() returns trigger
language plpgsql as $$
declare
    retired integer;
begin
    select version into retired from retired_versions
    where resource_type = tg_argv[0] and resource_key = versioned_key(tg_argv[0], to_jsonb(new));
    if retired is not null and new.version <= retired then
        new.version := retired + 1;
    end if;
    return new;
end
$$;

do $$
declare
    versioned record;
begin
    for versioned in select * from (values ('parks', 'park'), ('indicators', 'indicator'), ('observations', 'observation'),
                                           ('policies', 'policy'), ('support_measures', 'measure')) as t (tbl, kind) loop
        execute format('create trigger %I after delete on %I for each row execute function retire_version(%L)', versioned.tbl || '_retire_version', versioned.tbl, versioned.kind);
        execute format('create trigger %I before insert on %I for each row execute function continue_version(%L)', versioned.tbl || '_continue_version', versioned.tbl, versioned.kind);
    end loop;
end
$$;

-- 2. Relations between policies are audited like every other change to reference data (they change what both
-- documents' GET answers; the API raises both documents' versions, which puts them in the change feed).
create trigger policy_relations_audit after insert or update or delete on policy_relations
    for each row execute function record_audit('policy-relation');

create or replace function record_audit() returns trigger
language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('gaoxin.actor', true), ''), 'database:' || current_user);
    target jsonb := coalesce(to_jsonb(new), to_jsonb(old)); -- by name, since each table has its own columns
    key text;
begin
    -- A measure deleted with its policy may outlive the policy row in this statement: name it by the policy's id then.
    key := case tg_argv[0]
               when 'measure' then coalesce((select code from policies where id = (target ->> 'policy_id')::bigint), '#' || (target ->> 'policy_id'))
                                   || '/' || (target ->> 'code')
               when 'policy-relation' then coalesce((select code from policies where id = (target ->> 'from_policy_id')::bigint), '#' || (target ->> 'from_policy_id'))
                                   || '/' || (target ->> 'id')
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

-- 3. Nothing reaches the change feed without a batch, whoever writes. The feed's statement triggers also note the
-- transaction in pending_stamps (once per transaction); a deferred constraint trigger on that table runs at commit
-- and takes the batch number (stamp_changes, under the feed lock held to commit). A write from psql or a script now
-- appears in /changes exactly like one through the API. Batches are stamped with the clock at that moment, which
-- the lock puts in commit order.
create table pending_stamps (txid xid8 primary key);

create function stamp_pending_changes() returns trigger
language plpgsql as $$
begin
    perform stamp_changes();
    delete from pending_stamps where txid = pg_current_xact_id();
    return null;
end
$$;

create constraint trigger pending_stamps_at_commit after insert on pending_stamps
    deferrable initially deferred for each row execute function stamp_pending_changes();

create function note_pending_stamp() returns trigger
language plpgsql as $$
begin
    insert into pending_stamps (txid) values (pg_current_xact_id()) on conflict do nothing;
    return null;
end
$$;

create trigger changes_need_a_stamp after insert on changes for each statement execute function note_pending_stamp();

alter table change_batches alter column committed_at set default clock_timestamp();

-- 4. A policy document gets one new version per transaction, however many of its parts change in it (an import
-- creates a document and its measures together). The transaction remembers which documents it versioned; the setting
-- is transaction-local, so a rolled-back savepoint forgets its part too.
create function policy_versioned_in_transaction(policy_id bigint) returns boolean
language sql stable as $$
    select policy_id::text = any(string_to_array(coalesce(current_setting('gaoxin.versioned_policies', true), ''), ','))
$$;

create function note_policy_versioned(policy_id bigint) returns void
language sql as $$
    select set_config('gaoxin.versioned_policies', coalesce(nullif(current_setting('gaoxin.versioned_policies', true), '') || ',', '') || policy_id, true);
$$;
