-- Partner countries of the JCM: a register that programme managers extend as the JCM gains partners.
create table partner_country (
    iso_code      char(2) primary key,
    name_en       varchar(100) not null,
    name_ja       varchar(100) not null,
    signed_on     date not null,
    signing_order integer not null unique
);

insert into partner_country (iso_code, name_en, name_ja, signed_on, signing_order) values
    ('MN', 'Mongolia',     'モンゴル',         date '2013-01-08', 1),
    ('BD', 'Bangladesh',   'バングラデシュ',   date '2013-03-19', 2),
    ('ET', 'Ethiopia',     'エチオピア',       date '2013-05-27', 3),
    ('KE', 'Kenya',        'ケニア',           date '2013-06-12', 4),
    ('MV', 'Maldives',     'モルディブ',       date '2013-06-29', 5),
    ('VN', 'Viet Nam',     'ベトナム',         date '2013-07-02', 6),
    ('LA', 'Lao PDR',      'ラオス',           date '2013-08-07', 7),
    ('ID', 'Indonesia',    'インドネシア',     date '2013-08-26', 8),
    ('CR', 'Costa Rica',   'コスタリカ',       date '2013-12-09', 9),
    ('PW', 'Palau',        'パラオ',           date '2014-01-13', 10),
    ('KH', 'Cambodia',     'カンボジア',       date '2014-04-11', 11),
    ('MX', 'Mexico',       'メキシコ',         date '2014-07-25', 12),
    ('SA', 'Saudi Arabia', 'サウジアラビア',   date '2015-05-13', 13),
    ('CL', 'Chile',        'チリ',             date '2015-05-26', 14),
    ('MM', 'Myanmar',      'ミャンマー',       date '2015-09-16', 15),
    ('TH', 'Thailand',     'タイ',             date '2015-11-19', 16),
    ('PH', 'Philippines',  'フィリピン',       date '2017-01-12', 17);

-- One case is one JCM project; its stage follows the lifecycle process.
create table project_case (
    id                                uuid primary key,
    title                             varchar(200) not null,
    partner_country                   char(2) not null references partner_country (iso_code),
    technology                        varchar(500) not null,
    estimated_reduction_tco2_per_year numeric(14, 1) not null check (estimated_reduction_tco2_per_year >= 0),
    budget_million_jpy                numeric(12, 1) not null check (budget_million_jpy >= 0),
    fiscal_year                       integer not null check (fiscal_year >= 2011),
    organization                      varchar(100) not null,
    created_by                        varchar(100) not null,
    created_at                        timestamptz not null,
    stage                             varchar(40) not null,
    stage_entered_at                  timestamptz not null,
    transfer_scheme                   varchar(40),
    process_instance_id               varchar(64)
);

create index project_case_stage on project_case (stage);
create index project_case_organization on project_case (organization);
create index project_case_country_year on project_case (partner_country, fiscal_year);

-- Every stage a case entered and when it left it, so time in stage can be computed.
create table case_stage_period (
    id         bigint generated always as identity primary key,
    case_id    uuid not null references project_case (id),
    stage      varchar(40) not null,
    entered_at timestamptz not null,
    left_at    timestamptz
);

create index case_stage_period_case on case_stage_period (case_id, entered_at);

-- The audit trail a programme manager reads: what was done, by whom, when, with which outcome.
create table case_history (
    id          bigint generated always as identity primary key,
    case_id     uuid not null references project_case (id),
    occurred_at timestamptz not null,
    actor       varchar(100),
    step_key    varchar(100) not null,
    step_name   varchar(200) not null,
    stage       varchar(40) not null,
    outcome     varchar(200),
    details     jsonb not null default '{}'::jsonb
);

create index case_history_case on case_history (case_id, occurred_at);
