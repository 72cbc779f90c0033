-- The zone's works (重大项目: projects, their phases, milestones, dependencies and funding) and the one-to-one approval
-- service (“一对一”全程代办: service cases), with the working-day calendar their time limits are counted on.
--
-- A project is written as one document, `content` (the API's ProjectFields, normalised), like an enterprise: its
-- milestones, dependencies and funding change together and are versioned together, so asOf shows the project as it
-- was planned then. Status and schedule are not stored: they are judged for the day asked about. Percent complete is
-- not stored here either: it is the figures of a progress indicator, so the two can never disagree.

create table projects (
    id            bigint generated always as identity primary key,
    code          text not null unique,
    name_zh       text not null,
    name_en       text not null,
    kind          text not null,
    park_id       bigint references parks (id),
    content       jsonb not null,
    illustrative  boolean not null default false,
    version       integer not null default 1,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 default pg_current_xact_id()
);
create index projects_park_idx on projects (park_id, code);

create table project_versions (
    code          text not null,
    version       integer not null,
    park_id       bigint,
    content       jsonb,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 not null default pg_current_xact_id(),
    primary key (code, version)
);

create function record_project_version() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into project_versions (code, version, park_id, content, recorded_at, recorded_by)
        values (old.code, old.version + 1, old.park_id, null, now(), coalesce(nullif(current_setting('gaoxin.display_name', true), ''), 'API'));
        return null;
    end if;
    if tg_op = 'UPDATE' and new.version is not distinct from old.version then
        return null;
    end if;
    insert into project_versions (code, version, park_id, content, recorded_at, recorded_by)
    values (new.code, new.version, new.park_id, new.content, new.recorded_at, new.recorded_by);
    return null;
end
$$;
create trigger projects_versions after insert or update or delete on projects for each row execute function record_project_version();
create trigger projects_recording_transaction before update on projects
    for each row when (old.version is distinct from new.version) execute function note_recording_transaction();

create function continue_project_version() returns trigger
language plpgsql as $$
begin
    new.version := greatest(new.version, coalesce((select max(version) + 1 from project_versions where code = new.code), 1));
    return new;
end
$$;
create trigger projects_continue_version before insert on projects for each row execute function continue_project_version();
create trigger projects_audit after insert or update or delete on projects for each row execute function record_audit('project');

create function record_project_changes() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'project', n.code, 'created', '"' || n.version || '"', n.park_id from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'project', n.code, 'updated', '"' || n.version || '"', n.park_id from new_rows n join old_rows o on o.id = n.id
        where n.version is distinct from o.version;
    else
        insert into changes (resource_type, resource_key, action, park_id)
        select 'project', o.code, 'deleted', o.park_id from old_rows o;
    end if;
    return null;
end
$$;
create trigger projects_changes_insert after insert on projects referencing new table as new_rows
    for each statement execute function record_project_changes();
create trigger projects_changes_update after update on projects referencing new table as new_rows old table as old_rows
    for each statement execute function record_project_changes();
create trigger projects_changes_delete after delete on projects referencing old table as old_rows
    for each statement execute function record_project_changes();

-- Service cases are not public (the `cases` scope) and stay out of the public change feed; the audit log, which only
-- admin keys read, keeps every version. The columns beside `content` are what lists filter on.
create table service_cases (
    id            bigint generated always as identity primary key,
    code          text not null unique,
    park_id       bigint not null references parks (id),
    state         text not null,
    departments   text[] not null default '{}',
    content       jsonb not null,
    illustrative  boolean not null default false,
    version       integer not null default 1,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    recorded_txid xid8 default pg_current_xact_id()
);
create index service_cases_park_idx on service_cases (park_id, code);
create index service_cases_departments_idx on service_cases using gin (departments);
create trigger service_cases_recording_transaction before update on service_cases
    for each row when (old.version is distinct from new.version) execute function note_recording_transaction();
create trigger service_cases_audit after insert or update or delete on service_cases for each row execute function record_audit('case');

-- The official holiday arrangements, one row a year as the State Council's notice gives them: the weekdays off and
-- the weekend days worked in exchange (调休). Data, not code: the bureau adds next year's when it is published.
create table calendar_years (
    year        integer primary key check (year between 1949 and 2200),
    source      text not null,
    days        jsonb not null,
    recorded_at timestamptz not null default now(),
    recorded_by text not null default 'seed'
);
create function record_calendar_audit() returns trigger
language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('gaoxin.actor', true), ''), 'database:' || current_user);
begin
    insert into audit_log (actor, action, resource_type, resource_key, before, after)
    values (actor, case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end, 'calendar',
            coalesce(new.year, old.year)::text, case when tg_op <> 'INSERT' then to_jsonb(old) end, case when tg_op <> 'DELETE' then to_jsonb(new) end);
    return null;
end
$$;
create trigger calendar_years_audit after insert or update or delete on calendar_years for each row execute function record_calendar_audit();

-- Keys may hold the new scope.
alter table api_keys drop constraint api_keys_scopes_check;
alter table api_keys add constraint api_keys_scopes_check check (scopes <@ array['read', 'write', 'import', 'admin', 'enterprises', 'webhooks', 'cases'] and cardinality(scopes) > 0);
