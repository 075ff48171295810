-- What each case adds to the dashboard's figures that are counted from its history and its stages, kept in the
-- transaction that writes them: right after a step the dashboard sums one narrow row per case instead of reading
-- every case's history again. Kept by triggers, so that every writer (the steps, the demo data, a bulk load with
-- COPY) keeps it, and recounted for every case of a statement at once.
create table case_figures (
    case_id                 uuid primary key references project_case (id) on delete cascade,
    -- the last review of the feasibility study, when there is one: its outcome and the transfer scheme it names
    feasibility_reviewed    boolean not null default false,
    study_outcome           text,
    transfer_scheme         text,
    -- whether the case ever entered the demonstration stage
    entered_demonstration   boolean not null default false,
    -- the estimated reduction of the last pre-demonstration survey
    survey_estimate         numeric,
    -- the annual reduction of the last final report, and whether a review of the final report accepted it
    final_report_reduction  numeric,
    final_report_accepted   boolean not null default false,
    -- the reductions of the yearly dissemination reports that the review right after each accepted
    follow_up_reduction     numeric
);

-- A value entered in a form, as a number; what is not one counts as nothing rather than failing the step.
create function jcm_number(value text) returns numeric language sql immutable strict as $$
    select case when value ~ '^\s*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?\s*$' then value::numeric end
$$;

create function refresh_case_figures(cases uuid[]) returns void language sql as $$
    insert into case_figures (case_id, feasibility_reviewed, study_outcome, transfer_scheme, entered_demonstration,
                              survey_estimate, final_report_reduction, final_report_accepted, follow_up_reduction)
    select c.id,
           review.details is not null,
           review.details ->> 'studyOutcome',
           review.details ->> 'transferScheme',
           exists (select 1 from case_stage_period s where s.case_id = c.id and s.stage = 'DEMONSTRATION'),
           (select jcm_number(h.details ->> 'estimatedReductionTco2PerYear') from case_history h
            where h.case_id = c.id and h.step_key = 'Task_SubmitSurveyResults'
            order by h.occurred_at desc, h.id desc limit 1),
           (select jcm_number(h.details ->> 'annualReductionTco2') from case_history h
            where h.case_id = c.id and h.step_key = 'Task_SubmitFinalReport'
            order by h.occurred_at desc, h.id desc limit 1),
           exists (select 1 from case_history r where r.case_id = c.id and r.step_key = 'Task_ReviewFinalReport'
                   and r.details ->> 'finalReportDecision' = 'ACCEPTED'),
           (select sum(reported) from (
                select h.step_key, jcm_number(h.details ->> 'achievedReductionTco2') as reported,
                       lead(h.details ->> 'disseminationReviewDecision') over (order by h.occurred_at, h.id)
                           as next_decision
                from case_history h
                where h.case_id = c.id
                  and h.step_key in ('Task_SubmitDisseminationReport', 'Task_ReviewDisseminationReport')) steps
            where step_key = 'Task_SubmitDisseminationReport' and next_decision = 'ACCEPTED')
    from project_case c
    left join lateral (select h.details from case_history h
                       where h.case_id = c.id and h.step_key = 'Task_ReviewFeasibilityReport'
                       order by h.occurred_at desc, h.id desc limit 1) review on true
    where c.id = any (cases)
    on conflict (case_id) do update set
        feasibility_reviewed = excluded.feasibility_reviewed,
        study_outcome = excluded.study_outcome,
        transfer_scheme = excluded.transfer_scheme,
        entered_demonstration = excluded.entered_demonstration,
        survey_estimate = excluded.survey_estimate,
        final_report_reduction = excluded.final_report_reduction,
        final_report_accepted = excluded.final_report_accepted,
        follow_up_reduction = excluded.follow_up_reduction
$$;

-- After each statement on a case's history or stage periods, its cases are counted again.
create function case_figures_after_new_rows() returns trigger language plpgsql as $$
begin
    perform refresh_case_figures(array(select distinct case_id from new_rows));
    return null;
end
$$;

create function case_figures_after_old_rows() returns trigger language plpgsql as $$
begin
    perform refresh_case_figures(array(select distinct case_id from old_rows));
    return null;
end
$$;

create function case_figures_after_changed_rows() returns trigger language plpgsql as $$
begin
    perform refresh_case_figures(array(select case_id from new_rows union select case_id from old_rows));
    return null;
end
$$;

create trigger case_history_figures_insert after insert on case_history
    referencing new table as new_rows for each statement execute function case_figures_after_new_rows();
create trigger case_history_figures_update after update on case_history
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_figures_after_changed_rows();
create trigger case_history_figures_delete after delete on case_history
    referencing old table as old_rows for each statement execute function case_figures_after_old_rows();
create trigger case_stage_period_figures_insert after insert on case_stage_period
    referencing new table as new_rows for each statement execute function case_figures_after_new_rows();
create trigger case_stage_period_figures_update after update on case_stage_period
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_figures_after_changed_rows();
create trigger case_stage_period_figures_delete after delete on case_stage_period
    referencing old table as old_rows for each statement execute function case_figures_after_old_rows();

-- The cases there are.
select refresh_case_figures(array(select id from project_case));
