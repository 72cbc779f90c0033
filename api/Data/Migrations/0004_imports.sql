-- Imports: one row per request to /api/v1/imports/{kind}, with its report. An Idempotency-Key reserves its row
-- before the body is read, so a concurrent request with the same key sees it and is refused.
create table imports (
    id               uuid primary key,
    kind             text not null check (kind in ('observations', 'parks', 'indicators', 'policies')),
    status           text not null check (status in ('running', 'completed', 'failed')),
    dry_run          boolean not null,
    mode             text not null check (mode in ('atomic', 'rows')),
    idempotency_key  text,
    request_hash     text,
    requested_by     text not null,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    expires_at       timestamptz,                  -- when the idempotency key may be used again
    report           jsonb
);
create unique index imports_idempotency_key_idx on imports (idempotency_key) where idempotency_key is not null;
