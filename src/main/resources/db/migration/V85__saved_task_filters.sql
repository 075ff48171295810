-- A person's named inbox filters: the stage, partner country, search text and order they chose, to open again
-- with one click. Each person sees and changes only their own.
create table saved_task_filter (
    id              bigint generated always as identity primary key,
    username        varchar(100) not null,
    name            varchar(80) not null,
    stage           varchar(40),
    partner_country varchar(2),
    query           varchar(200),
    sort            varchar(20) not null,
    saved_at        timestamptz not null
);

create unique index saved_task_filter_name on saved_task_filter (username, lower(name));
