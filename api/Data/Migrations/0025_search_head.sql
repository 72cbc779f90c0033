-- Search ranks in two steps (issue 13). Ranking every match by its full vector read each document's whole text
-- vector (16 kB on average on the bench, stored out of line): 9 of the 13 ms of a two-character query matching 1,117
-- documents. `search_head` holds only what weighs most in the rank, titles, document number and summaries (weights A
-- and B), small enough to stay in the row: the matches are ordered by it first, and only the best of them are ranked
-- by the full vector.

create function policy_head_vector(p policies) returns tsvector
language sql stable as $$
    select setweight(to_tsvector('english', p.title_en), 'A')
        || setweight(to_tsvector('simple', coalesce(p.document_number, '')), 'A')
        || zh_tsvector(p.title_zh || ' ' || coalesce(p.document_number, ''), 'A')
        || setweight(to_tsvector('english', p.summary_en), 'B')
        || zh_tsvector(p.summary_zh, 'B')
$$;

-- The full vector is the head and the body: one definition of each part.
create or replace function policy_search_vector(p policies) returns tsvector
language sql stable as $$
    select policy_head_vector(p)
        || setweight(to_tsvector('english', coalesce(p.body_en, '') || ' ' || coalesce(m.text_en, '')), 'C')
        || zh_tsvector(p.body_zh || ' ' || coalesce(m.text_zh, ''), 'C')
    from (select string_agg(title_en || ' ' || description_en, ' ') as text_en,
                 string_agg(title_zh || ' ' || description_zh, ' ') as text_zh
          from support_measures where policy_id = p.id) as m
$$;

alter table policies add column search_head tsvector not null default ''::tsvector;

create or replace function policies_search_trigger() returns trigger
language plpgsql as $$
begin
    new.search := policy_search_vector(new);
    new.search_head := policy_head_vector(new);
    return new;
end
$$;

-- The audit log leaves derived search columns out, this one too.
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
    if tg_op = 'UPDATE' and (to_jsonb(new) - 'search' - 'search_head' - 'updated_at' - 'version' - 'last_used_at') = (to_jsonb(old) - 'search' - 'search_head' - 'updated_at' - 'version' - 'last_used_at') then
        return null;
    end if;
    insert into audit_log (actor, action, resource_type, resource_key, before, after)
    values (actor, case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end, tg_argv[0], key,
            case when tg_op <> 'INSERT' then to_jsonb(old) - 'search' - 'search_head' - 'hash' end, case when tg_op <> 'DELETE' then to_jsonb(new) - 'search' - 'search_head' - 'hash' end);
    return null;
end
$$;

-- Filling the column is not a change to any document: no version, feed entry or audit row.
alter table policies disable trigger user;
update policies p set search_head = policy_head_vector(p);
alter table policies enable trigger user;
