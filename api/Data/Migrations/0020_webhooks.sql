-- Webhooks: delivery of the change feed and the match feed to subscribers' URLs (Features/Webhooks).
--
-- Each subscription keeps its own place in the merged feed (after_batch, after_stream, after_id: stream 0 is a change,
-- 1 a match event, both numbered by change_batches). A dispatcher claims a due subscription with FOR UPDATE SKIP
-- LOCKED and holds that row lock while it sends, so with any number of API processes one subscription is served by one
-- at a time, in feed order; the place moves only after the receiver answered 2xx, in the transaction that holds the
-- lock. A process that dies mid-send releases the lock with its connection, and the next one sends the same message
-- again (same webhook-id, same event ids): at least once, and receivers drop duplicates by event id.

alter table api_keys drop constraint api_keys_scopes_check;
alter table api_keys add constraint api_keys_scopes_check
    check (scopes <@ array['read', 'write', 'import', 'admin', 'enterprises', 'webhooks'] and cardinality(scopes) > 0);

create table webhooks (
    id                    bigint generated always as identity primary key,
    -- What clients call it: random, so that ids reveal nothing and cannot be guessed.
    public_id             text not null unique check (public_id ~ '^wh_[a-z2-9]{16}$'),
    -- Whose reading rights the deliveries have: its scopes and park subtree are checked at every delivery.
    owner_key_id          bigint not null references api_keys (id),
    url                   text not null check (length(url) between 8 and 2000),
    description           text check (length(description) <= 500),
    event_types           text[] not null check (cardinality(event_types) between 1 and 100),
    park_id               bigint references parks (id) on delete restrict,
    status                text not null check (status in ('active', 'paused', 'disabled')),
    disabled_reason       text check (disabled_reason in ('retriesExhausted', 'keyRevoked')),
    disabled_at           timestamptz,
    -- Signing secrets, encrypted with a key derived from Auth:KeyPepper (WebhookSecrets): a copy of the database
    -- alone cannot forge a signature. The previous one still signs until previous_secret_until (rotation overlap).
    secret                bytea not null,
    previous_secret       bytea,
    previous_secret_until timestamptz,
    after_batch           bigint not null,
    after_stream          smallint not null check (after_stream in (0, 1)),
    after_id              bigint not null,
    -- The last scan stopped at its limit: more may wait in the same batch.
    more                  boolean not null default false,
    -- The message that failed and is being retried: exactly the same bytes, id and events each time.
    pending               jsonb,
    attempt               integer not null default 0,
    failing_since         timestamptz,
    next_attempt_at       timestamptz not null default now(),
    last_delivered_at     timestamptz,
    version               integer not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index webhooks_due_idx on webhooks (next_attempt_at) where status = 'active';
create index webhooks_owner_idx on webhooks (owner_key_id);

-- Every attempt, for the delivery log (metadata only: bodies can be rebuilt from the feed).
create table webhook_deliveries (
    id              bigint generated always as identity primary key,
    webhook_id      bigint not null references webhooks (id) on delete cascade,
    message_id      text not null,
    kind            text not null check (kind in ('events', 'redelivery', 'ping')),
    first_event_id  text,
    last_event_id   text,
    event_count     integer not null,
    attempt         integer not null,
    outcome         text not null check (outcome in ('succeeded', 'failed')),
    response_status integer,
    error           text,
    response_excerpt text,
    latency_ms      integer not null,
    attempted_at    timestamptz not null,
    next_attempt_at timestamptz
);
create index webhook_deliveries_log_idx on webhook_deliveries (webhook_id, id desc);

-- Ranges of the feed asked to be sent again, served by the dispatcher before new events, one message at a time.
create table webhook_redeliveries (
    id            bigint generated always as identity primary key,
    webhook_id    bigint not null references webhooks (id) on delete cascade,
    from_event_id text not null,
    to_event_id   text not null,
    -- Sent through this position (inclusive bounds are kept as positions: batch, stream, id).
    next_batch    bigint not null,
    next_stream   smallint not null,
    next_id       bigint not null,
    to_batch      bigint not null,
    to_stream     smallint not null,
    to_id         bigint not null,
    requested_by  text not null,
    requested_at  timestamptz not null,
    completed_at  timestamptz
);
create index webhook_redeliveries_open_idx on webhook_redeliveries (webhook_id, id) where completed_at is null;

-- The audit log keeps who changed a subscription, and when the dispatcher disabled one (actor system:webhooks):
-- configuration only, never the secrets, and not the delivery progress (which the delivery log shows).
create function record_webhook_audit() returns trigger
language plpgsql as $$
declare
    actor text := coalesce(nullif(current_setting('gaoxin.actor', true), ''), 'database:' || current_user);
begin
    insert into audit_log (actor, action, resource_type, resource_key, before, after)
    values (actor, case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end, 'webhook',
            coalesce(new.public_id, old.public_id),
            case when tg_op <> 'INSERT' then jsonb_build_object('url', old.url, 'description', old.description, 'event_types', old.event_types,
                'park_id', old.park_id, 'status', old.status, 'disabled_reason', old.disabled_reason, 'owner_key_id', old.owner_key_id,
                'previous_secret_until', old.previous_secret_until) end,
            case when tg_op <> 'DELETE' then jsonb_build_object('url', new.url, 'description', new.description, 'event_types', new.event_types,
                'park_id', new.park_id, 'status', new.status, 'disabled_reason', new.disabled_reason, 'owner_key_id', new.owner_key_id,
                'previous_secret_until', new.previous_secret_until) end);
    return null;
end
$$;

create trigger webhooks_audit_insert_delete after insert or delete on webhooks for each row execute function record_webhook_audit();
create trigger webhooks_audit_update after update on webhooks for each row
    when (old.version is distinct from new.version) execute function record_webhook_audit();

-- Tell listening dispatchers that the feed grew (delivered at commit; they also poll, so a lost notice only delays).
create or replace function stamp_changes() returns void
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7147483647);
    insert into change_batches (txid)
    select pg_current_xact_id()
    where exists (select 1 from changes where txid = pg_current_xact_id())
       or exists (select 1 from match_events where txid = pg_current_xact_id())
    on conflict (txid) do nothing;
    if found then
        perform pg_notify('gaoxin_feed', '');
    end if;
end
$$;
