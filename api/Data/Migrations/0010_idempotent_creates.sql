-- Idempotency-Key for POST creates: a client that retries a create (a timeout, a dropped connection) with the same
-- key gets the first answer again instead of a second resource or a 409. Keys belong to the API key that sent them.
-- A row is reserved before the create runs (response_status null: still running) and completed after it; a create
-- that fails releases its key, so the client can retry.
create table idempotent_creates (
    caller          text        not null,
    key             text        not null check (length(key) between 1 and 255),
    request_hash    text        not null,       -- method, path and body: a key reused for another request is refused
    response_status int,
    response_body   text,
    location        text,
    etag            text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (caller, key)
);

create index idempotent_creates_expires_idx on idempotent_creates (expires_at);
