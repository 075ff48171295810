-- A task's form saved half-filled by its assignee, to resume later. A draft is no decision: it stays out of the
-- process's variables, the case's history and the programme's figures, and goes when its task is done.
create table task_draft (
    task_id      varchar(64) primary key,
    case_id      uuid not null references project_case (id),
    owner        varchar(100) not null,
    draft_values jsonb not null,
    saved_at     timestamptz not null
);

create index task_draft_case on task_draft (case_id);
