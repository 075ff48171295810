-- The targets of the outcome and the activity indicators, one row per revision: the value, the fiscal year by
-- which it is to be reached (the activity target is per fiscal year: none), the day of the revision and its reason
-- (情勢変化: a change of circumstances). The target in force is the latest revision.
create table indicator_target (
    id                   bigint generated always as identity primary key,
    indicator            varchar(20) not null,
    target_value         integer not null check (target_value >= 0),
    deadline_fiscal_year integer check (deadline_fiscal_year >= 2011),
    revised_on           date not null,
    reason               varchar(1000) not null,
    recorded_by          varchar(100) not null,
    recorded_at          timestamptz not null,
    unique (indicator, revised_on)
);
