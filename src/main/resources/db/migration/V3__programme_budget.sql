-- The programme's budget per fiscal year, as programme managers enter it (million JPY); the seed's ledger
-- reports it next to what was executed.
create table programme_budget (
    fiscal_year          integer primary key check (fiscal_year >= 2011),
    budget_million_jpy   numeric(12, 1) not null check (budget_million_jpy >= 0),
    returned_million_jpy numeric(12, 1) not null default 0 check (returned_million_jpy >= 0),
    updated_by           varchar(100) not null,
    updated_at           timestamptz not null
);
