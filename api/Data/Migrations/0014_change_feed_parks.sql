-- The change feed can be followed for one park's subtree: each change to a park or a figure names its park.
-- (Indicators, policies and measures belong to the whole zone and name none.)
alter table changes add column park_id bigint;
update changes c set park_id = p.id from parks p where c.resource_type = 'park' and p.code = c.resource_key;
update changes c set park_id = p.id from parks p where c.resource_type = 'observation' and p.code = split_part(c.resource_key, '/', 2);
create index changes_park_idx on changes (park_id) where park_id is not null;

create or replace function record_changes() returns trigger
language plpgsql as $$
declare
    feed_kind text := tg_argv[0]; -- not "kind": parks have a column of that name
begin
    if feed_kind = 'observation' then
        if tg_op = 'INSERT' then
            insert into changes (resource_type, resource_key, action, etag, park_id)
            select feed_kind, i.code || '/' || p.code || '/' || n.period, 'created', '"' || n.version || '"', n.park_id
            from new_rows n join indicators i on i.id = n.indicator_id join parks p on p.id = n.park_id;
        elsif tg_op = 'UPDATE' then
            insert into changes (resource_type, resource_key, action, etag, park_id)
            select feed_kind, i.code || '/' || p.code || '/' || n.period, 'updated', '"' || n.version || '"', n.park_id
            from new_rows n join old_rows o on o.id = n.id join indicators i on i.id = n.indicator_id join parks p on p.id = n.park_id
            where n.version is distinct from o.version;
        else
            insert into changes (resource_type, resource_key, action, park_id)
            select feed_kind, i.code || '/' || p.code || '/' || o.period, 'deleted', o.park_id
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
    elsif feed_kind = 'park' then
        if tg_op = 'INSERT' then
            insert into changes (resource_type, resource_key, action, etag, park_id)
            select feed_kind, n.code, 'created', '"' || n.version || '"', n.id from new_rows n;
        elsif tg_op = 'UPDATE' then
            insert into changes (resource_type, resource_key, action, etag, park_id)
            select feed_kind, n.code, 'updated', '"' || n.version || '"', n.id from new_rows n join old_rows o on o.id = n.id
            where n.version is distinct from o.version;
        else
            insert into changes (resource_type, resource_key, action, park_id)
            select feed_kind, o.code, 'deleted', o.id from old_rows o;
        end if;
    else
        -- indicators, policies: keyed by code; an update counts only when it changed the version
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
