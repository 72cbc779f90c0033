-- Indicators: what the zone counts. Enum values are stored as the strings the API speaks.
create table indicators (
    id                    bigint generated always as identity primary key,
    code                  text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) between 2 and 64),
    name_zh               text not null,
    name_en               text not null,
    description_zh        text not null default '',
    description_en        text not null default '',
    category              text not null check (category in ('innovationResources', 'industry', 'infrastructure', 'publicServices', 'land')),
    unit                  text not null check (unit in ('count', 'percent', 'mu', 'hectare', 'squareMetre', 'tenThousandYuan')),
    value_kind            text not null check (value_kind in ('count', 'amount', 'percent', 'progress')),
    aggregation           text not null check (aggregation in ('sum', 'latest', 'none')),
    -- {"code": "...", "zh": "...", "en": "...", "members": [{"code": "...", "zh": "...", "en": "..."}]}
    breakdown             jsonb,
    total_equals_breakdown boolean not null default false,
    planned_completion    date,
    version               integer not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    check (not total_equals_breakdown or breakdown is not null),
    check ((value_kind = 'progress') or planned_completion is null)
);

-- Observations: the current figure of an indicator for a park and a period: the total and, where the indicator
-- has a breakdown, its members ({"provincial": 29, "municipal": 49}). One row per natural key.
create table observations (
    id           bigint generated always as identity primary key,
    indicator_id bigint not null references indicators (id) on delete restrict,
    park_id      bigint not null references parks (id) on delete restrict,
    period       text not null,          -- canonical: 2023, 2023-Q1, 2023-03, 2023-03-31
    period_start date not null,
    period_end   date not null,
    value        numeric not null,
    breakdown    jsonb not null default '{}',
    as_of        date not null,
    source_id    bigint references sources (id) on delete restrict,
    note         text,
    version      integer not null default 1,
    recorded_at  timestamptz not null,
    recorded_by  text not null,
    unique (indicator_id, park_id, period)
);
create index observations_park_idx on observations (park_id, indicator_id, period_end desc);
create index observations_series_idx on observations (indicator_id, park_id, period_start);

-- Every write to an observation, append-only: the full state after the write (or a tombstone), who made it and when.
-- Reads "as recorded on a day" pick, per key, the last revision recorded before that day ended.
create table observation_revisions (
    id           bigint generated always as identity primary key,
    indicator_id bigint not null references indicators (id) on delete restrict,
    park_id      bigint not null references parks (id) on delete restrict,
    period       text not null,
    period_start date not null,
    period_end   date not null,
    action       text not null check (action in ('created', 'updated', 'deleted')),
    version      integer not null,       -- the observation's version after this write
    value        numeric,                -- null for a deletion
    breakdown    jsonb,
    as_of        date,
    source_id    bigint references sources (id) on delete restrict,
    note         text,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);
create index observation_revisions_key_idx on observation_revisions (indicator_id, park_id, period, recorded_at desc, id desc);
