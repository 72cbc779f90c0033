-- Measures get a version like every other single resource, for ETags and If-Match.
alter table support_measures add column version integer not null default 1;
