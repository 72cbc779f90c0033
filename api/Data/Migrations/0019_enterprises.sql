-- Enterprises (一企一档) and the match feed (免申即享). Enterprise data is not public: the API shows it only to keys
-- with the `enterprises` scope, within their park subtree; the change feed carries each change with the enterprise's
-- park so that filter can be applied there too.

-- A measure may be granted without application to the enterprises whose data meets every condition.
alter table support_measures add column grant_without_application boolean not null default false;

-- The enterprise as written is `content` (the API's EnterpriseFields, normalised, park history included); the columns
-- beside it are what lists filter and sort on. Every version's content is kept in enterprise_versions for asOf.
create table enterprises (
    id            bigint generated always as identity primary key,
    code          text not null unique,
    credit_code   text unique,
    name_zh       text not null,
    name_en       text not null,
    park_id       bigint references parks (id),
    industries    text[] not null default '{}',
    qualifications text[] not null default '{}', -- every kind ever held, for the list's filter
    content       jsonb not null,
    illustrative  boolean not null default false,
    version       integer not null default 1,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 default pg_current_xact_id()
);
create index enterprises_park_idx on enterprises (park_id, code);
create index enterprises_industries_idx on enterprises using gin (industries);

-- Keyed by code, not by row: a deleted enterprise's past stays readable with asOf (content null marks the deletion).
create table enterprise_versions (
    code          text not null,
    version       integer not null,
    park_id       bigint,
    content       jsonb,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 not null default pg_current_xact_id(),
    primary key (code, version)
);

create function record_enterprise_version() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into enterprise_versions (code, version, park_id, content, recorded_at, recorded_by)
        values (old.code, old.version + 1, old.park_id, null, now(), coalesce(nullif(current_setting('gaoxin.display_name', true), ''), 'API'));
        return null;
    end if;
    if tg_op = 'UPDATE' and new.version is not distinct from old.version then
        return null;
    end if;
    insert into enterprise_versions (code, version, park_id, content, recorded_at, recorded_by)
    values (new.code, new.version, new.park_id, new.content, new.recorded_at, new.recorded_by);
    return null;
end
$$;

create trigger enterprises_versions after insert or update or delete on enterprises for each row execute function record_enterprise_version();
create trigger enterprises_recording_transaction before update on enterprises
    for each row when (old.version is distinct from new.version) execute function note_recording_transaction();
-- A code deleted and created again goes on from the versions it had (its deletion counts as one).
create function continue_enterprise_version() returns trigger
language plpgsql as $$
begin
    new.version := greatest(new.version, coalesce((select max(version) + 1 from enterprise_versions where code = new.code), 1));
    return new;
end
$$;
create trigger enterprises_continue_version before insert on enterprises for each row execute function continue_enterprise_version();
create trigger enterprises_audit after insert or update or delete on enterprises for each row execute function record_audit('enterprise');

create function record_enterprise_changes() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'enterprise', n.code, 'created', '"' || n.version || '"', n.park_id from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'enterprise', n.code, 'updated', '"' || n.version || '"', n.park_id from new_rows n join old_rows o on o.id = n.id
        where n.version is distinct from o.version;
    else
        insert into changes (resource_type, resource_key, action, park_id)
        select 'enterprise', o.code, 'deleted', o.park_id from old_rows o;
    end if;
    return null;
end
$$;

create trigger enterprises_changes_insert after insert on enterprises referencing new table as new_rows
    for each statement execute function record_enterprise_changes();
create trigger enterprises_changes_update after update on enterprises referencing new table as new_rows old table as old_rows
    for each statement execute function record_enterprise_changes();
create trigger enterprises_changes_delete after delete on enterprises referencing old table as old_rows
    for each statement execute function record_enterprise_changes();

-- What matching reads changes rarely; processes cache it by these revisions. A writing transaction takes a new
-- revision as it commits (deferred triggers, once per transaction), so the row lock is held only from then to the
-- commit: concurrent writers do not wait on each other, and a committed revision names one committed state. Revisions
-- come from a sequence of their own, so they never repeat, not even after the tables are emptied.
create sequence match_input_revisions;
create table match_inputs (
    name     text primary key check (name in ('catalogue', 'enterprises')),
    revision bigint not null
);

create function bump_match_input() returns trigger
language plpgsql as $$
begin
    if current_setting('gaoxin.bumped_' || tg_argv[0], true) is distinct from 'yes' then
        perform set_config('gaoxin.bumped_' || tg_argv[0], 'yes', true);
        insert into match_inputs (name, revision) values (tg_argv[0], nextval('match_input_revisions'))
        on conflict (name) do update set revision = excluded.revision;
    end if;
    return null;
end
$$;

do $$
declare
    input record;
begin
    for input in select * from (values ('policies', 'catalogue'), ('support_measures', 'catalogue'), ('policy_relations', 'catalogue'),
                                       ('policy_parks', 'catalogue'), ('parks', 'catalogue'), ('enterprises', 'enterprises')) as t (tbl, name) loop
        execute format('create constraint trigger %I after insert or update or delete on %I deferrable initially deferred for each row execute function bump_match_input(%L)',
                       input.tbl || '_match_input', input.tbl, input.name);
    end loop;
end
$$;

-- The match feed: each change of outcome between an enterprise and a measure, written by the transaction that caused
-- it and numbered with the change feed's batches, so it has the same no-gap, commit-order guarantee.
create table match_events (
    id                        bigint generated always as identity primary key,
    txid                      xid8 not null default pg_current_xact_id(),
    kind                      text not null check (kind in ('newlyEligible', 'noLongerEligible', 'newlyDecidable')),
    enterprise_code           text not null,
    park_id                   bigint,
    policy_code               text not null,
    measure_code              text not null,
    from_status               text check (from_status in ('met', 'unknown', 'partial', 'notMet')),
    to_status                 text check (to_status in ('met', 'unknown', 'partial', 'notMet')),
    grant_without_application boolean not null,
    judged_on                 date not null
);
create index match_events_txid_idx on match_events (txid, id);

-- What a committing transaction asks before matching: did it change anything matching reads? Without this, an import
-- of a million figures would scan its million change rows to find none.
create index changes_match_inputs_idx on changes (txid) where resource_type in ('enterprise', 'policy', 'measure', 'park');

-- The last zone day whose date-driven changes of outcome (a certificate expiring, a measure coming into force) have
-- been judged into the feed. One row; whoever judges the next day locks it.
create table match_sweeps (
    one       boolean primary key default true check (one),
    judged_on date not null
);

create or replace function stamp_changes() returns void
language sql as $$
    select pg_advisory_xact_lock(7147483647);
    insert into change_batches (txid)
    select pg_current_xact_id()
    where exists (select 1 from changes where txid = pg_current_xact_id())
       or exists (select 1 from match_events where txid = pg_current_xact_id())
    on conflict (txid) do nothing;
$$;

alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check check (kind in ('observations', 'parks', 'indicators', 'policies', 'targets', 'schemes', 'enterprises'));

-- Keys may hold the new scope.
alter table api_keys drop constraint api_keys_scopes_check;
alter table api_keys add constraint api_keys_scopes_check check (scopes <@ array['read', 'write', 'import', 'admin', 'enterprises'] and cardinality(scopes) > 0);
