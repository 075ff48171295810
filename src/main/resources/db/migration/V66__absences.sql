-- A person away for a period, and who stands in for them: the work the process gives them by name meanwhile goes
-- to the stand-in, and the case's history says so.
create table absence (
    id          bigint generated always as identity primary key,
    username    varchar(100) not null,
    starts_on   date not null,
    ends_on     date not null,
    stand_in    varchar(100) not null,
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null,
    check (ends_on >= starts_on),
    check (stand_in <> username)
);

create index absence_person on absence (username, ends_on);
