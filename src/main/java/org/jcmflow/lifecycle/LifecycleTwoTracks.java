package org.jcmflow.lifecycle;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's move from one line (MRV after the demonstration, follow-up after MRV) to two tracks after the
 * MOU (the demonstration and its follow-up beside the JCM track). Every wait state of the old model, a call
 * activity each, lands on its equivalent:
 *
 * <ul>
 * <li>feasibility study, pre-demonstration survey, stage gate, MOU, MRV application survey: the same;</li>
 * <li>demonstration: the same, and the JCM track starts beside it, as it would have at the MOU;</li>
 * <li>MRV after a demonstration: the JCM track, and the follow-up starts, since the demonstration has ended;</li>
 * <li>follow-up after MRV: the same, with the JCM track ended (its token waits at the join);</li>
 * <li>after an MRV application survey, MRV and follow-up: the JCM track and the survey's follow-up.</li>
 * </ul>
 *
 * The called stage processes (and their tasks, due dates and timers) are not touched: only the lifecycle moves.
 */
@Component
class LifecycleTwoTracks implements ModelChange {

    static final String OLD_MRV = "CallActivity_Mrv";
    static final String JCM_TRACK = "CallActivity_JcmTrack";
    static final String DEMONSTRATION = "CallActivity_Demonstration";
    static final String FOLLOW_UP = "CallActivity_FollowUp";
    static final String SURVEY_FOLLOW_UP = "CallActivity_SurveyFollowUp";
    static final String TRACKS_JOIN = "Gateway_TracksJoin";
    static final String JCM_TRACK_PROCESS = "jcm-mrv";
    static final String FOLLOW_UP_PROCESS = "jcm-follow-up";

    /** A case that went from its feasibility study to an MRV application survey; all others may demonstrate. */
    static final String SURVEY_ROUTE = "MRV_APPLICATION_SURVEY";
    static final String DEMONSTRATION_ROUTE = "DEMONSTRATION";

    /** Wait states whose ids are the same in both models. */
    private static final List<String> UNCHANGED = List.of("CallActivity_FeasibilityStudy",
            "CallActivity_PreDemonstrationSurvey", "CallActivity_StageGate", "CallActivity_Mou", DEMONSTRATION,
            "CallActivity_MrvApplicationSurvey");

    static final String DISSEMINATION_REPORT = "Task_SubmitDisseminationReport";
    private static final String DISSEMINATION_REMINDER = "Boundary_SubmitDisseminationReportReminder";
    private static final String DISSEMINATION_OVERDUE = "Boundary_SubmitDisseminationReportOverdue";

    private final CaseFileService cases;
    private final DueDates dueDates;

    LifecycleTwoTracks(CaseFileService cases, DueDates dueDates) {
        this.cases = cases;
        this.dueDates = dueDates;
    }

    @Override
    public boolean covers(ProcessDefinition source, ProcessDefinition target, ProcessEngineServices engine) {
        return LifecycleProcess.PROCESS_ID.equals(source.getKey())
                && has(source, OLD_MRV, engine) && has(target, JCM_TRACK, engine);
    }

    private static boolean has(ProcessDefinition definition, String activityId, ProcessEngineServices engine) {
        return engine.getRepositoryService().getBpmnModelInstance(definition.getId())
                .getModelElementById(activityId) != null;
    }

    @Override
    public String route(String processInstanceId, ProcessEngineServices engine) {
        Object outcome = engine.getRuntimeService().getVariable(processInstanceId, "feasibilityOutcome");
        return SURVEY_ROUTE.equals(outcome) ? SURVEY_ROUTE : DEMONSTRATION_ROUTE;
    }

    @Override
    public MigrationPlan plan(String route, ProcessDefinition source, ProcessDefinition target,
                              ProcessEngineServices engine) {
        MigrationPlanBuilder plan = engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId());
        UNCHANGED.forEach(activity -> plan.mapActivities(activity, activity));
        plan.mapActivities(OLD_MRV, JCM_TRACK);
        plan.mapActivities(FOLLOW_UP, route.equals(SURVEY_ROUTE) ? SURVEY_FOLLOW_UP : FOLLOW_UP);
        return plan.build();
    }

    @Override
    public void afterMigration(String route, String processInstanceId, ProcessEngineServices engine) {
        List<String> active = engine.getRuntimeService().getActiveActivityIds(processInstanceId);
        if (active.contains(JCM_TRACK)) {
            syncJcmTrackStage(processInstanceId, engine);
        }
        if (route.equals(SURVEY_ROUTE)) {
            return;
        }
        String missing = active.contains(DEMONSTRATION) ? JCM_TRACK // the track starts now, beside it
                : active.contains(JCM_TRACK) ? FOLLOW_UP // the demonstration has ended: its five years begin
                : active.contains(FOLLOW_UP) ? TRACKS_JOIN // the JCM track has ended
                : null;
        if (missing != null) {
            // the demonstration's end, read before the follow-up's start becomes the newest call of the case
            Instant demonstrationEnded = FOLLOW_UP.equals(missing) ? demonstrationEnded(processInstanceId, engine)
                    : null;
            engine.getRuntimeService().createProcessInstanceModification(processInstanceId)
                    .startBeforeActivity(missing).execute();
            if (demonstrationEnded != null) {
                firstYearFrom(demonstrationEnded, processInstanceId, engine);
            }
        }
    }

    /**
     * When the demonstration ended: its call's end, or, for a case whose history has none (started at MRV by an
     * operator), the start of the MRV that followed it in the old model, which is now the JCM track's.
     */
    private static Instant demonstrationEnded(String processInstanceId, ProcessEngineServices engine) {
        Optional<Date> ended = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId(DEMONSTRATION).finished().list().stream()
                .map(HistoricActivityInstance::getEndTime).filter(Objects::nonNull).max(Comparator.naturalOrder());
        if (ended.isPresent()) {
            return ended.get().toInstant();
        }
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .processDefinitionKey(JCM_TRACK_PROCESS).list().stream().findFirst()
                .map(track -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(track.getId()).singleResult().getStartTime().toInstant())
                .orElse(null);
    }

    /**
     * The five follow-up years run from the demonstration's end, not from the move: the first yearly report, which
     * the follow-up started now asks for, is due a year after the demonstration ended, and its reminder and
     * escalation come accordingly (at once, if that day has passed).
     */
    private void firstYearFrom(Instant demonstrationEnded, String processInstanceId, ProcessEngineServices engine) {
        for (ProcessInstance followUp : engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).processDefinitionKey(FOLLOW_UP_PROCESS).list()) {
            Instant due = dueDates.dueFrom(demonstrationEnded, DISSEMINATION_REPORT);
            Instant reminder = dueDates.reminder(demonstrationEnded, due);
            for (Task report : engine.getTaskService().createTaskQuery().processInstanceId(followUp.getId())
                    .taskDefinitionKey(DISSEMINATION_REPORT).list()) {
                report.setDueDate(Date.from(due));
                engine.getTaskService().saveTask(report);
            }
            setTimers(engine, followUp, DISSEMINATION_REMINDER, reminder);
            setTimers(engine, followUp, DISSEMINATION_OVERDUE, due);
        }
    }

    private static void setTimers(ProcessEngineServices engine, ProcessInstance instance, String boundary,
                                  Instant due) {
        for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(boundary).list()) {
            engine.getManagementService().setJobDuedate(timer.getId(), Date.from(due));
        }
    }

    /** The JCM track's stage on the case record, from the task that is open in it. */
    private void syncJcmTrackStage(String processInstanceId, ProcessEngineServices engine) {
        String caseId = (String) engine.getRuntimeService().getVariable(processInstanceId, ProcessContext.CASE_ID);
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(JCM_TRACK_PROCESS).list().stream()
                .map(Task::getTaskDefinitionKey).map(JcmTrackStage::ofStep)
                .flatMap(Optional::stream).findFirst()
                .ifPresent(stage -> cases.enterJcmTrackStage(UUID.fromString(caseId), stage));
    }
}
