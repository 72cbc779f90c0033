-- The version triggers of 0011 built each row's key through to_jsonb(new), which doubled the time of a bulk insert of
-- observations (1,008,000 rows by COPY: 19 s before 0011, 37 s with it, measured by make bench-quick). Each table's
-- key is now read from its own columns; plpgsql prepares only the branch a table takes, so each branch may name
-- columns only that table has.
create or replace function continue_version() returns trigger
language plpgsql as $$
declare
    retired integer;
    row_key text;
begin
    if tg_argv[0] = 'observation' then
        row_key := new.indicator_id || '/' || new.park_id || '/' || new.period;
    elsif tg_argv[0] = 'measure' then
        row_key := new.policy_id || '/' || new.code;
    else
        row_key := new.code;
    end if;
    select version into retired from retired_versions where resource_type = tg_argv[0] and resource_key = row_key;
    if retired is not null and new.version <= retired then
        new.version := retired + 1;
    end if;
    return new;
end
$$;

-- An observation's deletion is itself a revision of its history (version + 1); other resources end at their version.
create or replace function retire_version() returns trigger
language plpgsql as $$
declare
    row_key text;
begin
    if tg_argv[0] = 'observation' then
        row_key := old.indicator_id || '/' || old.park_id || '/' || old.period;
    elsif tg_argv[0] = 'measure' then
        row_key := old.policy_id || '/' || old.code;
    else
        row_key := old.code;
    end if;
    insert into retired_versions (resource_type, resource_key, version)
    values (tg_argv[0], row_key, old.version + case when tg_argv[0] = 'observation' then 1 else 0 end)
    on conflict on constraint retired_versions_pkey do update set version = greatest(retired_versions.version, excluded.version);
    return null;
end
$$;
