-- The discussion on a case: comments on the case or on one of its tasks. An internal comment is the programme
-- office's and the committees' only; the proponents never see it.
create table case_comment (
    id          bigint generated always as identity primary key,
    case_id     uuid not null references project_case (id),
    task_id     varchar(64),
    task_key    varchar(100),
    task_name   varchar(255),
    author      varchar(100) not null,
    written_at  timestamptz not null,
    internal    boolean not null,
    body        text not null check (length(body) <= 4000),
    mentions    varchar(100)[] not null default '{}'
);

create index case_comment_case on case_comment (case_id, written_at, id);

-- What the mails say, kept for each person as the in-app inbox (the bell): a row per recipient and mail.
create table inbox_notification (
    id               bigint generated always as identity primary key,
    username         varchar(100) not null,
    kind             varchar(40) not null,
    case_id          uuid not null,
    task_id          varchar(64),
    task_key         varchar(100),
    task_name        varchar(255),
    due              timestamptz,
    assignee         varchar(100),
    candidate_groups varchar(500),
    decision         varchar(40),
    mentioned_by     varchar(100),
    comment_id       bigint,
    created_at       timestamptz not null,
    read_at          timestamptz
);

create index inbox_notification_person on inbox_notification (username, created_at desc, id desc);
-- the bell's count on every page: the unread rows of one person only
create index inbox_notification_unread on inbox_notification (username) where read_at is null;
