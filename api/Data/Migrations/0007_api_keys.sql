-- API keys: only a keyed hash of each key is stored (HMAC-SHA256 with a pepper from the configuration, never in the
-- database), found by its public prefix and compared in constant time. A key may be limited to a park's subtree.
create table api_keys (
    id           bigint generated always as identity primary key,
    name         text not null unique check (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(name) between 2 and 64),
    prefix       text not null unique,
    hash         bytea not null,
    scopes       text[] not null check (scopes <@ array['read', 'write', 'import', 'admin'] and cardinality(scopes) > 0),
    park_id      bigint references parks (id) on delete restrict,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
