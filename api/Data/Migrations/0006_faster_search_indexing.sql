-- Measured while generating 10,000 documents: the first zh_tsvector ran a regular expression per character, and every
-- measure written re-indexed its document once per row. Same lexemes and positions, computed by code point; measures
-- re-index their documents once per statement.
create or replace function zh_tsvector(t text, w "char") returns tsvector
language sql immutable parallel safe as $$
    select coalesce(string_agg(format('%s:%s%s', quote_literal(lexeme), least(pos, 16383), w), ' '), '')::tsvector
    from (
        select c as lexeme, i as pos, han
        from (
            select c, i, (ascii(c) between 13312 and 19903 or ascii(c) between 19968 and 40959) as han,
                   lead(c) over (order by i) as next_c
            from unnest(string_to_array(coalesce(t, ''), null)) with ordinality as chars (c, i)
        ) as chars
        where han
        union all
        select c || next_c, i, true
        from (
            select c, i, (ascii(c) between 13312 and 19903 or ascii(c) between 19968 and 40959) as han,
                   lead(c) over (order by i) as next_c
            from unnest(string_to_array(coalesce(t, ''), null)) with ordinality as chars (c, i)
        ) as pairs
        where han and (ascii(next_c) between 13312 and 19903 or ascii(next_c) between 19968 and 40959)
    ) as lexemes
$$;

drop trigger support_measures_search on support_measures;

create or replace function support_measures_search_statement() returns trigger
language plpgsql as $$
begin
    -- Touching `search` re-runs each document's own trigger, which reads its measures as they now are.
    if tg_op = 'INSERT' then
        update policies set search = ''::tsvector where id in (select distinct policy_id from new_measures);
    elsif tg_op = 'DELETE' then
        update policies set search = ''::tsvector where id in (select distinct policy_id from old_measures);
    else
        update policies set search = ''::tsvector
        where id in (select policy_id from new_measures union select policy_id from old_measures);
    end if;
    return null;
end
$$;

create trigger support_measures_search_insert after insert on support_measures
    referencing new table as new_measures for each statement execute function support_measures_search_statement();
create trigger support_measures_search_update after update on support_measures
    referencing new table as new_measures old table as old_measures for each statement execute function support_measures_search_statement();
create trigger support_measures_search_delete after delete on support_measures
    referencing old table as old_measures for each statement execute function support_measures_search_statement();

drop function support_measures_search_trigger();

-- With fast update, GIN inserts go to a pending list that the unlucky writer who fills it must merge: measured, one
-- write of 200 documents took 39 s instead of 1.9 s. An API wants every write to take about as long as the last.
alter index policies_search_idx set (fastupdate = off);
