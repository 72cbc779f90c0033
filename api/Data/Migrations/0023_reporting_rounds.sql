-- Reporting rounds (统计报表填报): which parks report which indicators at which period (data sets), the checks their
-- figures must pass (validation rules, as data inside the set), and each park's way through a round: submitted,
-- approved up the park tree, published, returned, reopened; with the locks that keep approved figures as approved.
--
-- A data set is written as one document, `content` (the API's DataSetFields), like a project; the columns beside it
-- are what the locks and the round lists join on, rewritten with it. The rules live only in `content`: they are read
-- and judged by the API, never by SQL.

create table data_sets (
    id                bigint generated always as identity primary key,
    code              text not null unique,
    period_type       text not null check (period_type in ('month', 'quarter', 'year')),
    valid_from        date not null,
    due_after_days    integer not null,
    closes_after_days integer,
    include_sub_parks boolean not null,
    content           jsonb not null,
    illustrative      boolean not null default false,
    version           integer not null default 1,
    recorded_at       timestamptz not null,
    recorded_by       text not null
);
create trigger data_sets_audit after insert or update or delete on data_sets for each row execute function record_audit('data-set');

-- Indicators and parks a set names: they cannot be deleted while a set names them (409 conflict.in-use).
create table data_set_indicators (
    data_set_id  bigint not null references data_sets (id) on delete cascade,
    indicator_id bigint not null references indicators (id),
    primary key (data_set_id, indicator_id)
);
create index data_set_indicators_indicator_idx on data_set_indicators (indicator_id);

create table data_set_parks (
    data_set_id bigint not null references data_sets (id) on delete cascade,
    park_id     bigint not null references parks (id),
    primary key (data_set_id, park_id)
);

-- Every park that reports a set: the parks it names and, where the set says so, every park below them, as the tree
-- is now (a sub-park added later reports from then on).
create view data_set_assignments as
with recursive assigned (data_set_id, park_id) as (
    select dsp.data_set_id, dsp.park_id from data_set_parks dsp
    union
    select a.data_set_id, p.id
    from assigned a
    join data_sets ds on ds.id = a.data_set_id and ds.include_sub_parks
    join parks p on p.parent_id = a.park_id
)
select data_set_id, park_id from assigned;

-- The kind of period a canonical period string is (see Period in the API): 2024, 2024-Q1, 2024-03 or a day.
create function period_type_of(period text) returns text
language sql immutable parallel safe as $$
    select case when period ~ '^\d{4}$' then 'year' when period ~ '^\d{4}-Q[1-4]$' then 'quarter'
                when period ~ '^\d{4}-\d{2}$' then 'month' else 'day' end
$$;

-- A park's place in one round. No row means nothing was done yet: the API shows notStarted or inProgress from the
-- figures present. `code` (set/period/park) names the row in the audit log and the change feed.
create table round_states (
    data_set_id        bigint not null references data_sets (id),
    period             text not null,
    period_start       date not null,
    period_end         date not null,
    park_id            bigint not null references parks (id),
    code               text not null unique,
    state              text not null check (state in ('open', 'submitted', 'approved', 'published', 'returned')),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by       text,
    approved_at        timestamptz,
    approved_by        text,
    published_at       timestamptz,
    published_by       text,
    last_published_at  timestamptz, -- kept through a reopening: the published figures are read with asOf=this
    returned_at        timestamptz,
    returned_by        text,
    comment            text,
    version            integer not null default 1,
    recorded_at        timestamptz not null,
    recorded_by        text not null,
    primary key (data_set_id, period, park_id)
);
create index round_states_park_idx on round_states (park_id, period);
create trigger round_states_audit after insert or update or delete on round_states for each row execute function record_audit('round');

-- Every transition, with who, when and the comment: the round's own history.
create table round_events (
    id           bigint generated always as identity primary key,
    data_set_id  bigint not null references data_sets (id),
    period       text not null,
    park_id      bigint not null references parks (id),
    action       text not null,
    from_state   text not null,
    to_state     text not null,
    comment      text,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);
create index round_events_round_idx on round_events (data_set_id, period, park_id, id);

-- Why a figure that breaks a warning rule is right: asked for before submission, shown to the reviewers.
create table round_explanations (
    data_set_id  bigint not null references data_sets (id),
    period       text not null,
    park_id      bigint not null references parks (id),
    rule_code    text not null,
    text         text not null,
    recorded_at  timestamptz not null,
    recorded_by  text not null,
    primary key (data_set_id, period, park_id, rule_code)
);

-- An admin's time-limited exception to a lock, with its reason; audited like every other write.
create table round_unlocks (
    id           bigint generated always as identity primary key,
    data_set_id  bigint not null references data_sets (id),
    period       text not null,
    park_id      bigint not null references parks (id),
    code         text not null,
    reason       text not null,
    until        timestamptz not null,
    granted_at   timestamptz not null,
    granted_by   text not null
);
create index round_unlocks_round_idx on round_unlocks (data_set_id, period, park_id, until);
create trigger round_unlocks_audit after insert or update or delete on round_unlocks for each row execute function record_audit('round-unlock');

-- The change feed carries every transition: resource type 'round', key set/period/park (webhooks: round.*).
create function record_round_changes() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'round', n.code, 'created', '"' || n.version || '"', n.park_id from new_rows n;
    else
        insert into changes (resource_type, resource_key, action, etag, park_id)
        select 'round', n.code, 'updated', '"' || n.version || '"', n.park_id from new_rows n join old_rows o on o.code = n.code
        where n.version is distinct from o.version;
    end if;
    return null;
end
$$;
create trigger round_states_changes_insert after insert on round_states referencing new table as new_rows
    for each statement execute function record_round_changes();
create trigger round_states_changes_update after update on round_states referencing new table as new_rows old table as old_rows
    for each statement execute function record_round_changes();

-- What stops a write to a park's figures of one round on `today`, if anything: a state that locks them (submitted,
-- approved, published), or the round's closing day passed while the park had not submitted; unless an admin's unlock
-- is running. The one definition of a lock: single writes, imports and the round pages all ask it.
create function round_lock(p_data_set_id bigint, p_period text, p_period_end date, p_park_id bigint, p_today date, p_now timestamptz)
returns table (data_set_code text, reason text, by_whom text, at timestamptz, closes_on date)
language sql stable as $$
    select ds.code,
           case when rs.state in ('submitted', 'approved', 'published') then rs.state else 'closed' end,
           case rs.state when 'submitted' then rs.submitted_by when 'approved' then rs.approved_by when 'published' then rs.published_by end,
           case rs.state when 'submitted' then rs.submitted_at when 'approved' then rs.approved_at when 'published' then rs.published_at end,
           case when ds.closes_after_days is not null then p_period_end + ds.due_after_days + ds.closes_after_days end
    from data_sets ds
    left join round_states rs on rs.data_set_id = ds.id and rs.period = p_period and rs.park_id = p_park_id
    where ds.id = p_data_set_id
      and (rs.state in ('submitted', 'approved', 'published')
           or (coalesce(rs.state, 'open') = 'open' and ds.closes_after_days is not null
               and p_today > p_period_end + ds.due_after_days + ds.closes_after_days))
      and not exists (select 1 from round_unlocks u
                      where u.data_set_id = ds.id and u.period = p_period and u.park_id = p_park_id and u.until > p_now)
$$;

-- What stops a write to the figure (indicator, park, period): the lock of the first round (by set code) that collects it
-- from that park.
create function figure_lock(p_indicator_id bigint, p_park_id bigint, p_period text, p_period_start date, p_period_end date, p_today date, p_now timestamptz)
returns table (data_set_code text, reason text, by_whom text, at timestamptz, closes_on date)
language sql stable as $$
    select l.*
    from data_set_indicators dsi
    join data_sets ds on ds.id = dsi.data_set_id
    join data_set_assignments a on a.data_set_id = ds.id and a.park_id = p_park_id
    cross join lateral round_lock(ds.id, p_period, p_period_end, p_park_id, p_today, p_now) l
    where dsi.indicator_id = p_indicator_id
      and ds.period_type = period_type_of(p_period)
      and p_period_start >= ds.valid_from
    order by ds.code
    limit 1
$$;
