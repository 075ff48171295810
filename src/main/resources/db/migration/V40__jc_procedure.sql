-- The Joint Committee's procedure on the JCM track: the methodology's completeness check and version, public
-- inputs on methodologies and project design documents, the third-party entities designated by the Joint
-- Committee, the project design document with its Modalities of Communication statement, the registration, and
-- the credits issued into the registries' accounts.

-- The version the Joint Committee gives an approved methodology (with its reference number), and the secretariat's
-- completeness check of a proposed one.
alter table methodology add column version varchar(20);
alter table methodology add column completeness_outcome varchar(20)
    check (completeness_outcome in ('COMPLETE', 'INCOMPLETE'));
alter table methodology add column completeness_checked_on date;
-- Whether the Joint Committee extended its consideration of the methodology (once, to the extended period).
alter table methodology add column consideration_extended boolean not null default false;

-- Third-party entities (TPEs) designated by the Joint Committee for partner countries and sectoral scopes.
create table third_party_entity (
    id                   bigint generated always as identity primary key,
    name                 varchar(300) not null unique,
    designated_on        date not null,
    designation_ends_on  date,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    check (designation_ends_on is null or designation_ends_on >= designated_on)
);

create table third_party_entity_country (
    tpe_id           bigint not null references third_party_entity (id) on delete cascade,
    partner_country  char(2) not null references partner_country (iso_code),
    primary key (tpe_id, partner_country)
);

-- The JCM's sectoral scopes, numbered 1 to 15 as the Joint Committee numbers them.
create table third_party_entity_scope (
    tpe_id          bigint not null references third_party_entity (id) on delete cascade,
    sectoral_scope  smallint not null check (sectoral_scope between 1 and 15),
    primary key (tpe_id, sectoral_scope)
);

-- A period of public inputs on a proposed methodology or a project design document: it closes by itself (a timer of
-- the case's process) at closes_at; comments come until then.
create table public_input_period (
    id               bigint generated always as identity primary key,
    case_id          uuid not null references project_case (id),
    subject          varchar(20) not null check (subject in ('METHODOLOGY', 'PROJECT_DESIGN')),
    methodology_id   bigint references methodology (id),
    title            varchar(500) not null,
    partner_country  char(2) not null references partner_country (iso_code),
    opens_at         timestamptz not null,
    closes_at        timestamptz not null,
    closed_at        timestamptz,
    check (closes_at > opens_at)
);

create index public_input_period_case on public_input_period (case_id, opens_at);
create index public_input_period_open on public_input_period (closed_at, closes_at);

create table public_input_comment (
    id            bigint generated always as identity primary key,
    period_id     bigint not null references public_input_period (id),
    author        varchar(100) not null,
    organization  varchar(100),
    comment       text not null,
    submitted_at  timestamptz not null
);

create index public_input_comment_period on public_input_comment (period_id, submitted_at);

-- The project design document (PDD) of a case, its sectoral scope, the TPE that validates it, and the focal point of
-- its Modalities of Communication (MoC) statement. A corrected PDD is recorded over it.
create table project_design (
    case_id             uuid primary key references project_case (id),
    document_id         uuid not null references case_document (id),
    sectoral_scope      smallint not null check (sectoral_scope between 1 and 15),
    tpe_id              bigint not null references third_party_entity (id),
    focal_point         varchar(200) not null,
    focal_point_email   varchar(200) not null,
    submitted_by        varchar(100) not null,
    submitted_at        timestamptz not null,
    validation_outcome  varchar(30),
    validated_by        varchar(100),
    validated_on        date
);

-- The MoC statement's allocation of credits among the accounts, in percent: 100 in all.
create table credit_allocation (
    case_id        uuid not null references project_case (id),
    account_kind   varchar(30) not null check (account_kind in ('JAPANESE_GOVERNMENT', 'PARTNER_GOVERNMENT',
                                                                 'JAPANESE_PARTICIPANT', 'PARTNER_PARTICIPANT')),
    holder         varchar(200) not null,
    share_percent  numeric(5, 2) not null check (share_percent between 0 and 100),
    primary key (case_id, account_kind)
);

-- The registration request and the Joint Committee's registration of the project.
create table project_registration (
    case_id                 uuid primary key references project_case (id),
    requested_by            varchar(100) not null,
    requested_at            timestamptz not null,
    registration_number     varchar(50) unique,
    registered_on           date,
    crediting_period_start  date,
    crediting_period_end    date,
    check (crediting_period_end is null or crediting_period_end > crediting_period_start)
);

-- The issuance request of a verified monitoring period, and the notification of both governments.
alter table monitoring_period add column issuance_requested_tco2 numeric(14, 2);
alter table monitoring_period add column issuance_requested_at timestamptz;
alter table monitoring_period add column japan_notified_on date;
alter table monitoring_period add column partner_notified_on date;

-- Credits issued into the registries' accounts: the Japanese government's and the Japanese participant's in the
-- JCM registry of Japan, the partner government's and the partner participant's in the partner country's.
create table registry_entry (
    id               bigint generated always as identity primary key,
    case_id          uuid not null references project_case (id),
    period_number    integer not null,
    registry         varchar(10) not null check (registry in ('JAPAN', 'PARTNER')),
    account_kind     varchar(30) not null,
    holder           varchar(200) not null,
    partner_country  char(2) not null references partner_country (iso_code),
    credits_tco2     numeric(14, 2) not null check (credits_tco2 >= 0),
    issued_on        date not null,
    unique (case_id, period_number, account_kind)
);

create index registry_entry_country on registry_entry (partner_country, issued_on);
