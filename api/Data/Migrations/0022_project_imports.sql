-- Projects can be imported (CSV register lines, JSON records with milestones and dependencies).
alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check check (kind in ('observations', 'parks', 'indicators', 'policies', 'targets', 'schemes', 'enterprises', 'projects'));
