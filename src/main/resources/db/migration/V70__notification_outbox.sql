-- Mails waiting to go out: written in the transaction of the step that calls for them (so a step that rolls back
-- calls for none), one row per recipient, and sent after that step's commit by the sender of whichever node takes
-- the row first (select ... for update skip locked). A row stays until it is sent, or found needless: a new task or
-- a reminder whose task is done by then.
-- A row without a recipient is a mail still to be addressed: the directory did not answer in the step, so the
-- sender finds the recipients later and writes their rows.
create table notification_outbox (
    id               bigint generated always as identity primary key,
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
    recipient        varchar(100),
    recipient_name   varchar(255),
    email            varchar(320),
    language         varchar(20),
    created_at       timestamptz not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    sent_at          timestamptz,
    skipped_at       timestamptz,
    last_error       varchar(2000)
);

-- the senders' look for due rows, and the operators' backlog figure: the waiting rows only
create index notification_outbox_due on notification_outbox (next_attempt_at)
    where sent_at is null and skipped_at is null;
create index notification_outbox_case on notification_outbox (case_id);
