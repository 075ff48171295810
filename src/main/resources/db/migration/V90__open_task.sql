-- The open tasks as the inbox reads them: one row per open task of the engine, written by the task events of the
-- engine (engine/OpenTaskProjection) in the transaction that creates, gives, moves or ends the task, and filled at
-- start-up from the engine's own tables for tasks it lacks (engine/EngineTables). Each inbox page is read along
-- one of the indexes below in due-date order and stops at the page, instead of walking every open task of the
-- engine and looking up each one's role and case.
--
-- The times are the engine's own (timestamp without time zone, as in ACT_RU_TASK), so that the order is the
-- engine's to the millisecond.
create table open_task (
    task_id             varchar(64) primary key,
    process_instance_id varchar(64) not null,
    -- the business key of the task's process, which every process of a case has; null for a process of no case
    case_id             uuid,
    task_key            varchar(255),
    task_name           varchar(255),
    assignee            varchar(255),
    candidate_groups    text[] not null default '{}',
    created_at          timestamp not null,
    due_date            timestamp,
    -- of the case, kept here by the triggers below: what the inbox narrows by
    organization        varchar(100),
    stage               varchar(40),
    partner_country     char(2)
);

-- An organisation's inbox (proponents see their own organisation's cases only): its tasks in due-date order.
create index open_task_organization_due on open_task (organization, due_date, created_at, task_id);
-- An inbox that sees every case (the programme office, committees): all tasks in due-date order.
create index open_task_due on open_task (due_date, created_at, task_id);
-- Newest first.
create index open_task_created on open_task (created_at desc, task_id desc);
-- A person's own tasks, and a role's unclaimed ones: counted without walking the others.
create index open_task_assignee on open_task (assignee, due_date, created_at, task_id) where assignee is not null;
create index open_task_candidate_groups on open_task using gin (candidate_groups) where assignee is null;
-- A case's tasks (its stage moves; a search finds its cases) and a process's (moved to a new model version).
create index open_task_case on open_task (case_id);
create index open_task_process_instance on open_task (process_instance_id);

-- A task's case fields come from the case when the task is written...
create function open_task_of_case() returns trigger language plpgsql as $$
begin
    if new.case_id is not null then
        select c.organization, c.stage, c.partner_country into new.organization, new.stage, new.partner_country
        from project_case c where c.id = new.case_id;
    end if;
    return new;
end
$$;

create trigger open_task_of_case before insert or update of case_id on open_task
    for each row execute function open_task_of_case();

-- ...and follow the case when it changes, in the same statement.
create function open_task_follow_case() returns trigger language plpgsql as $$
begin
    update open_task set organization = new.organization, stage = new.stage, partner_country = new.partner_country
    where case_id = new.id
      and (organization, stage, partner_country) is distinct from (new.organization, new.stage, new.partner_country);
    return null;
end
$$;

create trigger open_task_follow_case after insert or update of organization, stage, partner_country on project_case
    for each row execute function open_task_follow_case();
