-- Commissioning contracts (委託契約): each selected study, survey and demonstration is commissioned under one,
-- with its number, period and amount as signed. Changes to the period or the amount are kept beside it, never
-- written over it, so that an auditor reads what was signed and every change after it with its date and reason.
create table commissioning_contract (
    id                 uuid primary key,
    contract_number    varchar(40) not null unique,
    case_id            uuid not null references project_case (id),
    kind               varchar(40) not null,
    signed_on          date not null,
    starts_on          date not null,
    ends_on            date not null,
    amount_million_jpy numeric(12, 1) not null check (amount_million_jpy > 0),
    recorded_by        varchar(100) not null,
    recorded_at        timestamptz not null,
    check (ends_on >= starts_on)
);

create index commissioning_contract_case on commissioning_contract (case_id);

create table contract_change (
    id                 bigint generated always as identity primary key,
    contract_id        uuid not null references commissioning_contract (id),
    changed_on         date not null,
    ends_on            date,
    amount_million_jpy numeric(12, 1) check (amount_million_jpy > 0),
    reason             varchar(1000) not null,
    recorded_by        varchar(100) not null,
    recorded_at        timestamptz not null,
    check (ends_on is not null or amount_million_jpy is not null)
);

create index contract_change_contract on contract_change (contract_id, changed_on);

-- What was executed under a contract in a fiscal year, as the accounts settle it: the programme's execution is
-- the sum of these, never of proposals' budgets. Carried over: the year's amount moved to the next fiscal year
-- (繰越); returned: paid back by the contractor (返還).
create table contract_spending (
    contract_id              uuid not null references commissioning_contract (id),
    fiscal_year              integer not null check (fiscal_year >= 2011),
    executed_million_jpy     numeric(12, 1) not null check (executed_million_jpy >= 0),
    carried_over_million_jpy numeric(12, 1) not null default 0 check (carried_over_million_jpy >= 0),
    returned_million_jpy     numeric(12, 1) not null default 0 check (returned_million_jpy >= 0),
    recorded_by              varchar(100) not null,
    recorded_at              timestamptz not null,
    primary key (contract_id, fiscal_year)
);

create index contract_spending_year on contract_spending (fiscal_year);
