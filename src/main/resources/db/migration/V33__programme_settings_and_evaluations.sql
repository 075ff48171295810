-- The programme's settings as its ledger (事業原簿) heads them: the project code, the department in charge, the
-- kind of contract, the account, and the programme's period. One row, which programme managers keep.
create table programme_settings (
    id                smallint primary key default 1 check (id = 1),
    pj_code           varchar(20) not null,
    department        varchar(200) not null,
    contract_type     varchar(20) not null,
    account           varchar(200) not null,
    first_fiscal_year integer not null check (first_fiscal_year >= 2011),
    last_fiscal_year  integer not null,
    updated_by        varchar(100) not null,
    updated_at        timestamptz not null,
    check (last_fiscal_year >= first_fiscal_year)
);

insert into programme_settings (pj_code, department, contract_type, account, first_fiscal_year, last_fiscal_year,
                                updated_by, updated_at)
values ('11013', '国際部地球環境対策推進室', 'COMMISSIONED', 'エネルギー需給勘定', 2011, 2017, 'system', now());

-- The programme's evaluations (interim, early ex-post as 前倒し事後評価, ex-post): when each was held and its result.
create table programme_evaluation (
    id          uuid primary key,
    kind        varchar(20) not null,
    held_on     date not null,
    result      varchar(4000) not null,
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null
);

create index programme_evaluation_held on programme_evaluation (held_on);
