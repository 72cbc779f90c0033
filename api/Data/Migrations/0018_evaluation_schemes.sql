-- Evaluation schemes (综合评价体系): a weighted tree of dimensions and leaves. A scheme's versions never change; a
-- change makes a new one, so a result of the past, read with its version and asOf, is reproducible exactly.
create table evaluation_schemes (
    id         bigint generated always as identity primary key,
    code       text not null unique,
    name_zh    text not null,
    name_en    text not null,
    version    integer not null default 1,
    updated_at timestamptz not null default now()
);

create table evaluation_scheme_versions (
    scheme_id     bigint not null references evaluation_schemes (id),
    version       integer not null,
    content       jsonb not null,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 default pg_current_xact_id(),
    primary key (scheme_id, version)
);

-- In the change feed and the audit log like the other coded resources (keyed by code; a new version is an update).
create trigger evaluation_schemes_changes_insert after insert on evaluation_schemes referencing new table as new_rows
    for each statement execute function record_changes('scheme');
create trigger evaluation_schemes_changes_update after update on evaluation_schemes referencing new table as new_rows old table as old_rows
    for each statement execute function record_changes('scheme');
create trigger evaluation_schemes_audit after insert or update or delete on evaluation_schemes for each row execute function record_audit('scheme');

-- Schemes are an import kind too (JSON or NDJSON).
alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check check (kind in ('observations', 'parks', 'indicators', 'policies', 'targets', 'schemes'));
