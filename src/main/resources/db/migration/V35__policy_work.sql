-- Joint policy work with the partner countries' ministries under the MOUs: per country, and per case where it
-- came from one. Documents: the titles or references of what was handed over or signed.
create table policy_work (
    id              uuid primary key,
    partner_country char(2) not null references partner_country (iso_code),
    case_id         uuid references project_case (id),
    held_on         date not null,
    kind            varchar(30) not null,
    counterpart     varchar(200) not null,
    participants    integer check (participants >= 0),
    outcome         varchar(4000) not null,
    documents       varchar(1000),
    recorded_by     varchar(100) not null,
    recorded_at     timestamptz not null
);

create index policy_work_country on policy_work (partner_country, held_on);
create index policy_work_case on policy_work (case_id);
