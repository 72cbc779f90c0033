-- An import computes every figure's next version itself, set-based, retired versions included (ObservationImporter's
-- import_figures), so the per-row version trigger only repeats the same lookup a million times for a million rows.
-- The importer says so for its own insert (gaoxin.versions_given, local to its transaction and reset right after);
-- the trigger's WHEN is evaluated without calling PL/pgSQL. Every other writer still goes through the trigger.
drop trigger observations_continue_version on observations;
create trigger observations_continue_version before insert on observations for each row
    when (current_setting('gaoxin.versions_given', true) is distinct from 'on')
    execute function continue_version('observation');
