-- A stage-gate committee convened for a case: one round per convening (a revised case is evaluated again).
create table stage_gate_round (
    id                      bigint generated always as identity primary key,
    case_id                 uuid not null references project_case (id),
    round_number            integer not null check (round_number >= 1),
    process_instance_id     varchar(64) not null,
    convened_by             varchar(100) not null,
    convened_at             timestamptz not null,
    deadline                timestamptz not null,
    extended                boolean not null default false,
    quorum                  integer not null,
    valid_evaluations       integer,
    average_score           numeric(4, 2),
    recommendation          varchar(20),
    decision                varchar(20),
    decision_overrides      boolean,
    decision_rationale      varchar(4000),
    revision_conditions     varchar(4000),
    decided_by              varchar(100),
    decided_at              timestamptz,
    unique (case_id, round_number)
);

create table stage_gate_member (
    round_id     bigint not null references stage_gate_round (id),
    username     varchar(100) not null,
    display_name varchar(200) not null,
    organization varchar(100),
    primary key (round_id, username)
);

-- One evaluation per member and round; a declared conflict of interest keeps the scores out of the decision.
create table stage_gate_evaluation (
    round_id                   bigint not null,
    username                   varchar(100) not null,
    conflict_of_interest       boolean not null,
    score_technical            smallint check (score_technical between 1 and 5),
    score_ghg_reduction        smallint check (score_ghg_reduction between 1 and 5),
    score_dissemination        smallint check (score_dissemination between 1 and 5),
    score_cost_effectiveness   smallint check (score_cost_effectiveness between 1 and 5),
    score_policy_fit           smallint check (score_policy_fit between 1 and 5),
    comment                    varchar(4000) not null,
    submitted_at               timestamptz not null,
    primary key (round_id, username),
    foreign key (round_id, username) references stage_gate_member (round_id, username)
);

create index stage_gate_round_case on stage_gate_round (case_id);
