-- The JCM track runs beside the demonstration from the MOU on: its stage is kept beside the case's main stage.
alter table project_case add column jcm_track_stage varchar(20) not null default 'NOT_STARTED';
alter table project_case add column jcm_track_stage_entered_at timestamptz;

-- Stage periods of either track: MAIN (the case's stages) or JCM (the JCM track's stages).
alter table case_stage_period add column track varchar(10) not null default 'MAIN';

-- Cases that went through the former MRV stage (after their demonstration or MRV application survey) and left it:
-- their JCM track has ended, when they left that stage.
update project_case c
set jcm_track_stage = 'ENDED',
    jcm_track_stage_entered_at = (select max(s.left_at) from case_stage_period s
                                  where s.case_id = c.id and s.stage = 'MRV')
where c.stage <> 'MRV'
  and exists (select 1 from case_stage_period s where s.case_id = c.id and s.stage = 'MRV' and s.left_at is not null);

-- Cases in the former MRV stage: their track runs; the step it is at is set when their running lifecycle moves to
-- the model with two tracks (LifecycleModelRollout), from the task that is open.
update project_case set jcm_track_stage = 'METHODOLOGY', jcm_track_stage_entered_at = stage_entered_at
where stage = 'MRV';

-- The case list filtered by the JCM track's stage, newest first
create index project_case_jcm_track_created on project_case (jcm_track_stage, created_at desc, id);
create index case_stage_period_track_stage on case_stage_period (track, stage, case_id);
