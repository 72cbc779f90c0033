-- Targets: a planned value for an indicator × park × period (optionally one breakdown member), with a due date.
-- Kept like figures: a row per target, a revision per change (who, when, before → after, for asOf), a version that
-- never repeats for a key, the change feed and the audit log. `code` is the natural key as the API names it,
-- indicator/park/period[/member]: one column, so the generic version and audit triggers key it like a park.
create table targets (
    id             bigint generated always as identity primary key,
    code           text not null unique,
    indicator_id   bigint not null references indicators (id),
    park_id        bigint not null references parks (id),
    period         text not null,
    period_start   date not null,
    period_end     date not null,
    member         text,
    direction      text not null check (direction in ('atLeast', 'atMost', 'exactly')),
    value          numeric not null,
    due_on         date not null check (due_on >= period_start),
    baseline_value numeric,
    baseline_on    date,
    source_id      bigint references sources (id),
    note           text,
    illustrative   boolean not null default false,
    version        integer not null default 1,
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    recorded_txid  xid8 default pg_current_xact_id(),
    check ((baseline_value is null) = (baseline_on is null))
);
create index targets_park_idx on targets (park_id, indicator_id);
create index targets_indicator_idx on targets (indicator_id, park_id);

create table target_revisions (
    id             bigint generated always as identity primary key,
    code           text not null,
    indicator_id   bigint not null,
    park_id        bigint not null,
    period         text not null,
    period_start   date not null,
    period_end     date not null,
    member         text,
    action         text not null check (action in ('created', 'updated', 'deleted')),
    version        integer not null,
    direction      text,
    value          numeric,
    due_on         date,
    baseline_value numeric,
    baseline_on    date,
    source_id      bigint,
    note           text,
    illustrative   boolean,
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    recorded_txid  xid8 default pg_current_xact_id()
);
create index target_revisions_code_idx on target_revisions (code, id);
create index target_revisions_park_idx on target_revisions (park_id, recorded_at);

create trigger targets_recording_transaction before update on targets
    for each row when (old.version is distinct from new.version) execute function note_recording_transaction();
create trigger targets_retire_version after delete on targets for each row execute function retire_version('target');
create trigger targets_continue_version before insert on targets for each row execute function continue_version('target');
create trigger targets_audit after insert or update or delete on targets for each row execute function record_audit('target');

-- The feed names each target by its code and its park, so a park's subtree can follow its targets.
create function record_target_changes() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'target', n.code, 'created', '"' || n.version || '"', n.park_id from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'target', n.code, 'updated', '"' || n.version || '"', n.park_id from new_rows n join old_rows o on o.id = n.id
        where n.version is distinct from o.version;
    else
        insert into changes (resource_type, resource_key, action, park_id)
        select 'target', o.code, 'deleted', o.park_id from old_rows o;
    end if;
    return null;
end
$$;

create trigger targets_changes_insert after insert on targets referencing new table as new_rows
    for each statement execute function record_target_changes();
create trigger targets_changes_update after update on targets referencing new table as new_rows old table as old_rows
    for each statement execute function record_target_changes();
create trigger targets_changes_delete after delete on targets referencing old table as old_rows
    for each statement execute function record_target_changes();

-- Targets are a kind of import like the others.
alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check check (kind in ('observations', 'parks', 'indicators', 'policies', 'targets'));
