-- The programme's register of MRV methodologies: drafted in a case's MRV stage, decided by the Joint Committee.
create table methodology (
    id                bigint generated always as identity primary key,
    title             varchar(500) not null,
    partner_country   char(2) not null references partner_country (iso_code),
    status            varchar(30) not null check (status in ('DRAFTED', 'PROPOSED', 'APPROVED', 'APPROVED_WITH_REVISIONS',
                                                             'REJECTED')),
    reference         varchar(100),
    drafted_by_case   uuid references project_case (id),
    jc_decision_date  date,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index methodology_country_status on methodology (partner_country, status);

-- The methodology a case's MRV applies: the one it drafted last, or an approved one it reused.
alter table project_case add column methodology_id bigint references methodology (id);

-- One row per monitoring period of a registered project; a correction request sends the report back.
create table monitoring_period (
    id                           bigint generated always as identity primary key,
    case_id                      uuid not null references project_case (id),
    period_number                integer not null check (period_number >= 1),
    period_start                 date not null,
    period_end                   date not null,
    monitored_reduction_tco2     numeric(14, 2) not null,
    monitoring_report_document   uuid references case_document (id),
    verification_outcome         varchar(30),
    corrections_requested        integer not null default 0,
    verified_reduction_tco2      numeric(14, 2),
    verified_by                  varchar(100),
    verified_on                  date,
    credits_issued_tco2          numeric(14, 2),
    issued_on                    date,
    submitted_at                 timestamptz not null,
    updated_at                   timestamptz not null,
    unique (case_id, period_number)
);
