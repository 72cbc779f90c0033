-- What the public sees of who recorded a figure or a policy version: a name chosen for the key ("湛江市统计局"),
-- never the key's internal name or an import's id. The audit log (admin only) keeps the key's name.
alter table api_keys add column display_name text check (length(display_name) between 1 and 100);
