-- The engine keeps a case's id as the business key of its processes (text): the inbox joins cases on it.
create index project_case_id_text on project_case ((id::text));
-- The case list's first page in a stage or of an organisation, newest first, without sorting all of them.
create index project_case_stage_created on project_case (stage, created_at desc, id);
create index project_case_organization_created on project_case (organization, created_at desc, id);
-- The dashboard's figures pick steps and stages of every case: those rows only, not each case's whole history.
create index case_history_step on case_history (step_key, case_id);
create index case_stage_period_stage on case_stage_period (stage, case_id);
