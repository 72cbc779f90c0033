-- One store for every Idempotency-Key, creates and imports alike: keyed by (API key, Idempotency-Key), with one
-- fingerprint of the request (method, path, query, content type and body) and the answer it got. A key held by a
-- request that is still running has a lease: if the process died, the lease runs out and a retry takes the key over,
-- instead of answering "in progress" until the key expires.
alter table idempotent_creates rename to idempotency_keys;
alter index idempotent_creates_expires_idx rename to idempotency_keys_expires_idx;
alter table idempotency_keys rename column request_hash to fingerprint;
alter table idempotency_keys add column lease_until timestamptz;
alter table idempotency_keys add column content_type text;
update idempotency_keys set lease_until = created_at where response_status is null;

-- Imports no longer keep keys of their own.
drop index imports_idempotency_key_idx;
alter table imports drop column idempotency_key, drop column request_hash, drop column expires_at;
