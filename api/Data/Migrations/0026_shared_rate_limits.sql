-- The rate limit's windows, shared by every API process (RateLimiting): per client and minute, how many requests all
-- processes together admitted. Each process adds its own count every few hundred milliseconds and reads the total.
-- Unlogged: a count is worth nothing after a crash, and keeping it out of the write-ahead log keeps it off the
-- standby's replication stream (a promoted standby starts every window afresh).
create unlogged table rate_limit_windows (
    client text not null,
    minute bigint not null,
    used integer not null check (used >= 0),
    primary key (client, minute)
);
