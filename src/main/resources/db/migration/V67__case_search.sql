-- One search box over cases and tasks: a case's title, technology, organisation, partner country (its code; the
-- names are matched through partner_country) and number (its id), lower-cased, matched as a substring. A trigram
-- index answers substrings in any script ("ごみ発電" in "大阪ごみ発電実証") without reading every case.
alter table project_case add column search_text text generated always as (
    lower(title || ' ' || technology || ' ' || organization || ' ' || partner_country || ' ' || id::text)) stored;

-- pg_trgm comes with PostgreSQL's contributed extensions and is trusted (PostgreSQL 13 and later): the owner of the
-- database may create it. Where an operator's PostgreSQL lacks it, the search still works, unindexed.
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise warning 'pg_trgm is not available (%): the case search runs without its index', sqlerrm;
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index project_case_search on project_case using gin (search_text gin_trgm_ops)';
    end if;
end
$$;
