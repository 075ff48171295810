-- Calls for proposals (公募): the window in which a call takes proposals (dates in the programme office's time zone,
-- both days included), what it invites and the criteria its selection committee scores. The selection's rationale
-- is kept with the call once the programme manager records it.
create table call_for_proposals (
    id                  uuid primary key,
    title               varchar(200) not null,
    fiscal_year         integer not null check (fiscal_year >= 2011),
    opens_on            date not null,
    closes_on           date not null,
    kinds               varchar(200) not null,
    criteria            varchar(400) not null,
    opened_by           varchar(100) not null,
    opened_at           timestamptz not null,
    selection_rationale varchar(4000),
    selected_by         varchar(100),
    selected_at         timestamptz,
    check (closes_on >= opens_on)
);

create index call_for_proposals_year on call_for_proposals (fiscal_year);

-- A proposal belongs to the call it was submitted under. Null: a case of a fiscal year for which no call was
-- recorded (filed before the programme kept its calls here).
alter table project_case add column call_id uuid references call_for_proposals (id);
create index project_case_call on project_case (call_id);

-- The selection committee (採択審査) the programme manager names for a call.
create table selection_committee_member (
    call_id      uuid not null references call_for_proposals (id),
    username     varchar(100) not null,
    display_name varchar(200) not null,
    organization varchar(100),
    primary key (call_id, username)
);

-- One member's scores of one proposal, criterion name to score (1 to 5); none when a conflict is declared.
create table selection_score (
    call_id              uuid not null,
    case_id              uuid not null references project_case (id),
    username             varchar(100) not null,
    conflict_of_interest boolean not null,
    scores               jsonb not null,
    comment              varchar(4000) not null,
    submitted_at         timestamptz not null,
    primary key (case_id, username),
    foreign key (call_id, username) references selection_committee_member (call_id, username)
);

-- The selection of each proposal of a call: its place in the committee's ranking when recorded (null: short of
-- the quorum), its average score, and whether it was selected.
create table selection_decision (
    case_id       uuid primary key references project_case (id),
    call_id       uuid not null references call_for_proposals (id),
    ranking       integer,
    average_score numeric(4, 2),
    selected      boolean not null,
    decided_by    varchar(100) not null,
    decided_at    timestamptz not null
);

create index selection_decision_call on selection_decision (call_id);
