-- Organisations that issue policies (issuers).
create table organisations (
    id      bigint generated always as identity primary key,
    code    text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_zh text not null,
    name_en text not null
);

-- Policy documents of the "1+N" catalogue. The lifecycle status is not stored: it is computed from the dates and
-- the relations for the day asked about. `search` is written by the API on every change of the document or its
-- measures: English stems plus Chinese character unigrams and bigrams, weighted title A, summary B, measures and
-- body C.
create table policies (
    id              bigint generated always as identity primary key,
    code            text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) between 2 and 80),
    document_number text unique,
    title_zh        text not null,
    title_en        text not null,
    summary_zh      text not null default '',
    summary_en      text not null default '',
    body_zh         text not null default '',
    body_en         text,
    issuer_id       bigint references organisations (id) on delete restrict, -- null: the source does not say
    role            text not null check (role in ('core', 'supporting', 'related')),
    categories      text[] not null default '{}',
    industries      text[] not null default '{}',
    drafted_on      date,
    issued_on       date,
    effective_from  date,
    expires_on      date,
    illustrative    boolean not null default false,
    version         integer not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    search          tsvector not null default ''::tsvector,
    check (expires_on is null or effective_from is null or expires_on >= effective_from)
);
create index policies_search_idx on policies using gin (search);
create index policies_categories_idx on policies using gin (categories);
create index policies_industries_idx on policies using gin (industries);

-- The parks a policy applies to; a policy for a park applies to its sub-parks too. None means the whole zone.
create table policy_parks (
    policy_id bigint not null references policies (id) on delete cascade,
    park_id   bigint not null references parks (id) on delete restrict,
    primary key (policy_id, park_id)
);

-- Every version of a document's content, the current one included.
create table policy_versions (
    policy_id   bigint not null references policies (id) on delete cascade,
    version     integer not null,
    content     jsonb not null,
    recorded_at timestamptz not null,
    recorded_by text not null,
    primary key (policy_id, version)
);

-- Effects between documents, from the date they take effect.
create table policy_relations (
    id             bigint generated always as identity primary key,
    from_policy_id bigint not null references policies (id) on delete restrict,
    to_policy_id   bigint not null references policies (id) on delete restrict,
    kind           text not null check (kind in ('implements', 'amends', 'supersedes', 'repeals')),
    effective_on   date,
    note_zh        text,
    note_en        text,
    created_at     timestamptz not null default now(),
    unique (from_policy_id, to_policy_id, kind),
    check (from_policy_id <> to_policy_id)
);
create index policy_relations_to_idx on policy_relations (to_policy_id, kind);

-- The concrete offers inside a document and who may claim them.
create table support_measures (
    id             bigint generated always as identity primary key,
    policy_id      bigint not null references policies (id) on delete cascade,
    code           text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    position       integer not null,
    kind           text not null check (kind in ('subsidy', 'reward', 'rentReduction', 'loanInterestSubsidy', 'talentAllowance', 'other')),
    title_zh       text not null,
    title_en       text not null,
    description_zh text not null default '',
    description_en text not null default '',
    amount         numeric check (amount >= 0),       -- a fixed sum, in 万元
    rate           numeric check (rate > 0 and rate <= 100), -- a share of an eligible cost, in percent
    cap            numeric check (cap >= 0),          -- the most one enterprise can get, in 万元
    -- {"parks": [...], "industries": [...], "qualifications": [...], "minRndSpend": n, "minHeadcount": n,
    --  "minYearsRegistered": n, "maxYearsRegistered": n}
    conditions     jsonb not null default '{}',
    unique (policy_id, code)
);

-- Chinese search without a segmenter (Debian's PostgreSQL has none): every Han character and every pair of adjacent
-- Han characters becomes a lexeme, at its character position, with the given weight. One- and two-character queries
-- then hit lexemes directly; longer ones are the AND of their bigrams.
create function zh_tsvector(t text, w "char") returns tsvector
language sql immutable parallel safe as $$
    select coalesce(string_agg(format('%s:%s%s', quote_literal(lexeme), least(pos, 16383), w), ' '), '')::tsvector
    from (
        select substr(t, i, 1) as lexeme, i as pos
        from generate_series(1, char_length(coalesce(t, ''))) as i
        where substr(t, i, 1) ~ '[\u3400-\u4dbf\u4e00-\u9fff]'
        union all
        select substr(t, i, 2), i
        from generate_series(1, char_length(coalesce(t, '')) - 1) as i
        where substr(t, i, 2) ~ '^[\u3400-\u4dbf\u4e00-\u9fff]{2}$'
    ) as lexemes
$$;

-- The query for a search box text: its Chinese runs as unigram or bigram lexemes, its other words as English stems
-- (websearch syntax: quotes, OR, -word), all of it ANDed. Immutable, so the planner folds it into a constant and
-- the GIN index on policies.search serves the match. Null (nothing to search for) matches nothing.
create function policy_query(q text) returns tsquery
language sql immutable parallel safe as $$
    with runs as (
        select m[1] as run from regexp_matches(coalesce(q, ''), '([\u3400-\u4dbf\u4e00-\u9fff]+)', 'g') as m
    ),
    zh as (
        select string_agg(
                   case when char_length(run) = 1 then quote_literal(run)
                        else (select string_agg(quote_literal(substr(run, i, 2)), ' & ')
                              from generate_series(1, char_length(run) - 1) as i)
                   end, ' & ') as text
        from runs
    ),
    words as (
        select btrim(regexp_replace(coalesce(q, ''), '[\u3400-\u4dbf\u4e00-\u9fff]+', ' ', 'g')) as text
    ),
    parts as (
        select nullif(zh.text, '')::tsquery as zh,
               case when words.text <> '' then websearch_to_tsquery('english', words.text) end as en
        from zh, words
    )
    select case
               when zh is null then en
               when en is null or numnode(en) = 0 then zh
               else zh && en
           end
    from parts
$$;

create function policy_search_vector(p policies) returns tsvector
language sql stable as $$
    select setweight(to_tsvector('english', p.title_en), 'A')
        || setweight(to_tsvector('simple', coalesce(p.document_number, '')), 'A')
        || zh_tsvector(p.title_zh || ' ' || coalesce(p.document_number, ''), 'A')
        || setweight(to_tsvector('english', p.summary_en), 'B')
        || zh_tsvector(p.summary_zh, 'B')
        || setweight(to_tsvector('english', coalesce(p.body_en, '') || ' ' || coalesce(m.text_en, '')), 'C')
        || zh_tsvector(p.body_zh || ' ' || coalesce(m.text_zh, ''), 'C')
    from (select string_agg(title_en || ' ' || description_en, ' ') as text_en,
                 string_agg(title_zh || ' ' || description_zh, ' ') as text_zh
          from support_measures where policy_id = p.id) as m
$$;

-- The index follows every write, whoever makes it: the API, an import's COPY, or SQL by hand.
create function policies_search_trigger() returns trigger
language plpgsql as $$
begin
    new.search := policy_search_vector(new);
    return new;
end
$$;
create trigger policies_search before insert or update of title_zh, title_en, summary_zh, summary_en, body_zh, body_en, document_number, search
    on policies for each row execute function policies_search_trigger();

create function support_measures_search_trigger() returns trigger
language plpgsql as $$
begin
    -- Touching `search` re-runs the policy's own trigger, which reads the measures as they now are.
    update policies set search = ''::tsvector where id = coalesce(new.policy_id, old.policy_id);
    return null;
end
$$;
create trigger support_measures_search after insert or update or delete
    on support_measures for each row execute function support_measures_search_trigger();
