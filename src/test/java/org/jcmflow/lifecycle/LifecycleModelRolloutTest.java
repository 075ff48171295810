package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.jcmflow.engine.EngineClock;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.testsupport.ValidSubmissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases waiting at every wait state of the lifecycle's first model (one line: MRV after the demonstration, follow-up
 * after MRV; kept in src/test/resources/bpmn-previous) move to the model with two tracks: each lands on its
 * equivalent step with its variables, its history, its stage process and that process's tasks, due dates and
 * timers, and then runs to its end on the new model.
 */
class LifecycleModelRolloutTest {

    private static final String OLD_LIFECYCLE = "bpmn-previous/project-lifecycle-v1.bpmn";
    private static final String NEW_LIFECYCLE = "bpmn/project-lifecycle.bpmn";
    private static final List<String> STAGE_PROCESSES = List.of("bpmn/feasibility-study.bpmn",
            "bpmn/pre-demonstration-survey.bpmn", "bpmn/mou.bpmn", "bpmn/demonstration.bpmn", "bpmn/mrv.bpmn",
            "bpmn/follow-up.bpmn", "bpmn/mrv-application-survey.bpmn");
    private static final Instant STARTED = Instant.parse("2016-10-03T01:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.coveredEngine().build();

    private final List<String> deployments = new ArrayList<>();
    private final CaseFileService cases = mock(CaseFileService.class);
    private StagesByCase stages;

    /** A case waiting in the old model, and what it had there. */
    private record Waiting(String caseId, ProcessInstance lifecycle, String calledInstanceId, String taskId,
                           Date taskDue, Map<String, Date> timers, Date calledSince) {
    }

    @BeforeEach
    void oldModelWithItsStageProcesses() {
        ProcessTestSupport.registerBeans();
        ProcessTestSupport.registerDeadlines();
        stages = new StagesByCase();
        Mocks.register("caseStages", stages);
        Mocks.register("stageGatePolicy", new StageGateFromFiscalYear());
        Mocks.register("mrvRegister", new MrvRegisterStandIn());
        Mocks.register("jcmProcedure", new JcmProcedureStandIn());
        Mocks.register("jcmDueDates", new JcmDueDatesStandIn());
        var stageProcesses = repositoryService().createDeployment().name("stage processes");
        STAGE_PROCESSES.forEach(stageProcesses::addClasspathResource);
        // the stage gate's own process is tested on its own; here it is one decision with a due date
        stageProcesses.addModelInstance("stage-gate.bpmn", Bpmn.createExecutableProcess("jcm-stage-gate")
                .camundaHistoryTimeToLive(3650).startEvent("Start_StageGate")
                .userTask("Task_ConfirmStageGateDecision")
                .camundaDueDate("${dueDates.of('Task_ConfirmStageGateDecision')}")
                .endEvent("End_StageGateDecided").done());
        deployments.add(stageProcesses.deploy().getId());
        deployments.add(repositoryService().createDeployment().addClasspathResource(OLD_LIFECYCLE).deploy().getId());
        ClockUtil.setCurrentTime(Date.from(STARTED));
    }

    @AfterEach
    void removeDeployments() {
        ClockUtil.reset();
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    }

    @Test
    void everyWaitStateOfTheOldModelLandsOnItsEquivalentAndRunsToTheEnd() {
        Map<String, Waiting> waiting = new LinkedHashMap<>();
        waiting.put("feasibility study", startAt("CallActivity_FeasibilityStudy", Map.of()));
        waiting.put("pre-demonstration survey", startAt("CallActivity_PreDemonstrationSurvey",
                Map.of("feasibilityOutcome", "PRE_DEMONSTRATION_SURVEY")));
        waiting.put("stage gate", startAt("CallActivity_StageGate", Map.of("feasibilityOutcome",
                "PRE_DEMONSTRATION_SURVEY")));
        waiting.put("MOU", startAt("CallActivity_Mou", Map.of("feasibilityOutcome", "PRE_DEMONSTRATION_SURVEY",
                "stageGateOutcome", "APPROPRIATE")));
        waiting.put("demonstration", startAt("CallActivity_Demonstration", afterMou()));
        waiting.put("MRV after the demonstration", monitoring(startAt("CallActivity_Mrv", afterMou())));
        waiting.put("follow-up after MRV", startAt("CallActivity_FollowUp", afterMou()));
        waiting.put("MRV application survey", startAt("CallActivity_MrvApplicationSurvey",
                Map.of("feasibilityOutcome", "MRV_APPLICATION_SURVEY")));
        waiting.put("MRV after the survey", monitoring(startAt("CallActivity_Mrv",
                Map.of("feasibilityOutcome", "MRV_APPLICATION_SURVEY", "mrvApplicationOutcome", "PROCEED_TO_MRV"))));
        waiting.put("follow-up after the survey", startAt("CallActivity_FollowUp",
                Map.of("feasibilityOutcome", "MRV_APPLICATION_SURVEY", "mrvApplicationOutcome", "PROCEED_TO_MRV")));
        ProcessDefinition oldModel = definitionOf(waiting.get("MOU").lifecycle());

        // time passes between the old release and the new: due dates and timers stay as they were set
        ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofDays(10))));
        // the release deploys every model again, the stage processes unchanged: their instances move by equal ids
        var release = repositoryService().createDeployment().name("release").addClasspathResource(NEW_LIFECYCLE);
        STAGE_PROCESSES.forEach(release::addClasspathResource);
        deployments.add(release.deploy().getId());
        stages.clear();
        ModelRollout.Result result = rollout().rollOut();

        assertThat(result.moved().entrySet()).filteredOn(moved -> moved.getKey().startsWith(LifecycleProcess.PROCESS_ID))
                .singleElement().extracting(Map.Entry::getValue).isEqualTo(waiting.size());
        // every stage process but the stage gate's stand-in, which this release did not deploy again
        assertThat(result.movedInAll()).isEqualTo(2 * waiting.size() - 1);
        assertThat(result.failed()).isEmpty();
        ProcessDefinition newModel = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LifecycleProcess.PROCESS_ID).latestVersion().singleResult();
        assertThat(newModel.getVersion()).isGreaterThan(oldModel.getVersion());
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(oldModel.getId()).count())
                .isZero();

        landsAt(waiting.get("feasibility study"), "CallActivity_FeasibilityStudy");
        landsAt(waiting.get("pre-demonstration survey"), "CallActivity_PreDemonstrationSurvey");
        landsAt(waiting.get("stage gate"), "CallActivity_StageGate");
        landsAt(waiting.get("MOU"), "CallActivity_Mou");
        // the JCM track starts beside the running demonstration, as it would have at the MOU
        landsAt(waiting.get("demonstration"), "CallActivity_Demonstration", "CallActivity_JcmTrack");
        assertThat(stages.of(waiting.get("demonstration"))).containsExactly("JCM_TRACK_STARTED");
        // MRV after a demonstration: the JCM track, and the follow-up years start, the demonstration having ended
        landsAt(waiting.get("MRV after the demonstration"), "CallActivity_JcmTrack", "CallActivity_FollowUp");
        assertThat(stages.of(waiting.get("MRV after the demonstration"))).containsExactly("FOLLOW_UP");
        // its five years run from the demonstration's end (when its MRV began), not from the move ten days later
        firstYearDueAYearAfter(waiting.get("MRV after the demonstration"), STARTED);
        verify(cases).enterJcmTrackStage(UUID.fromString(waiting.get("MRV after the demonstration").caseId()),
                JcmTrackStage.MONITORING);
        // follow-up after MRV: the JCM track has ended and waits at the join
        landsAt(waiting.get("follow-up after MRV"), "CallActivity_FollowUp", "Gateway_TracksJoin");
        landsAt(waiting.get("MRV application survey"), "CallActivity_MrvApplicationSurvey");
        landsAt(waiting.get("MRV after the survey"), "CallActivity_JcmTrack");
        verify(cases).enterJcmTrackStage(UUID.fromString(waiting.get("MRV after the survey").caseId()),
                JcmTrackStage.MONITORING);
        assertThat(stages.of(waiting.get("MRV after the survey"))).isEmpty();
        landsAt(waiting.get("follow-up after the survey"), "CallActivity_SurveyFollowUp");
        verify(cases, never()).enterJcmTrackStage(eq(UUID.fromString(waiting.get("demonstration").caseId())), any());

        for (Waiting each : waiting.values()) {
            keptWhatItHad(each, newModel);
        }

        assertThat(rollout().rollOut().movedInAll()).as("a second run finds nothing left to move").isZero();

        ClockUtil.reset();
        waiting.forEach((what, each) -> {
            runToTheEnd(each);
            BpmnAwareTests.assertThat(each.lifecycle()).as(what).isEnded();
        });
        BpmnAwareTests.assertThat(waiting.get("demonstration").lifecycle())
                .hasPassed("CallActivity_JcmTrack", "CallActivity_FollowUp", "Gateway_TracksJoin", "End_Completed");
        BpmnAwareTests.assertThat(waiting.get("follow-up after MRV").lifecycle())
                .hasPassed("Gateway_TracksJoin", "End_Completed");
        BpmnAwareTests.assertThat(waiting.get("MRV after the demonstration").lifecycle())
                .hasPassed("Gateway_JcmTrackEnded", "Gateway_TracksJoin", "End_Completed");
        BpmnAwareTests.assertThat(waiting.get("MRV after the survey").lifecycle())
                .hasPassed("CallActivity_SurveyFollowUp", "End_CompletedAfterSurveyFollowUp")
                .hasNotPassed("Gateway_TracksJoin");
        BpmnAwareTests.assertThat(waiting.get("follow-up after the survey").lifecycle())
                .hasPassed("End_CompletedAfterSurveyFollowUp");
        BpmnAwareTests.assertThat(waiting.get("feasibility study").lifecycle())
                .hasPassed("CallActivity_StageGate", "Gateway_TracksSplit", "CallActivity_JcmTrack",
                        "CallActivity_Demonstration", "CallActivity_FollowUp", "End_Completed");
    }

    /** The case's first yearly dissemination report is due a year after the moment, reminded a week before. */
    private static void firstYearDueAYearAfter(Waiting waiting, Instant demonstrationEnded) {
        ProcessInstance followUp = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(waiting.lifecycle().getId()).processDefinitionKey("jcm-follow-up")
                .singleResult();
        Instant due = demonstrationEnded.plus(Duration.ofDays(365));
        assertThat(taskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult().getDueDate())
                .isEqualTo(Date.from(due));
        assertThat(managementService().createJobQuery().processInstanceId(followUp.getId())
                .activityId("Boundary_SubmitDisseminationReportOverdue").singleResult().getDuedate())
                .isEqualTo(Date.from(due));
        assertThat(managementService().createJobQuery().processInstanceId(followUp.getId())
                .activityId("Boundary_SubmitDisseminationReportReminder").singleResult().getDuedate())
                .isEqualTo(Date.from(due.minus(Duration.ofDays(7))));
    }

    private static Map<String, Object> afterMou() {
        return Map.of("feasibilityOutcome", "PRE_DEMONSTRATION_SURVEY", "stageGateOutcome", "APPROPRIATE",
                "mouOutcome", "SIGNED", "mouSignedDate", "2016-10-03");
    }

    /** A case of the old model waiting in the given call activity, its stage process at its first task. */
    private Waiting startAt(String callActivity, Map<String, Object> variables) {
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> all = new HashMap<>(variables);
        all.put(ProcessContext.CASE_ID, caseId);
        ProcessInstance lifecycle = runtimeService().createProcessInstanceByKey(LifecycleProcess.PROCESS_ID)
                .businessKey(caseId).setVariables(all).startBeforeActivity(callActivity).execute();
        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(callActivity);
        return snapshot(caseId, lifecycle);
    }

    private Waiting snapshot(String caseId, ProcessInstance lifecycle) {
        ProcessInstance called = runtimeService().createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId())
                .singleResult();
        Task task = taskService().createTaskQuery().processInstanceId(called.getId()).singleResult();
        Map<String, Date> timers = managementService().createJobQuery().processInstanceId(called.getId()).timers()
                .list().stream().collect(Collectors.toMap(Job::getId, Job::getDuedate));
        Date calledSince = historyService().createHistoricActivityInstanceQuery().processInstanceId(lifecycle.getId())
                .unfinished().activityType("callActivity").singleResult().getStartTime();
        return new Waiting(caseId, lifecycle, called.getId(), task.getId(), task.getDueDate(), timers, calledSince);
    }

    /** Moves the case's MRV on to its first monitoring report, a step with a due date and timers of its own. */
    private Waiting monitoring(Waiting atMethodology) {
        runtimeService().createProcessInstanceModification(atMethodology.calledInstanceId())
                .cancelAllForActivity("Task_DraftMethodology")
                .startBeforeActivity("Task_SubmitMonitoringReport")
                .setVariable("monitoringPeriod", 1).setVariable("monitoringPeriods", 1)
                .execute();
        return snapshot(atMethodology.caseId(), atMethodology.lifecycle());
    }

    private ModelRollout rollout() {
        return new ModelRollout(processEngine(), List.of(new LifecycleTwoTracks(cases,
                new DueDates(ProcessTestSupport.configuredDeadlines(), new EngineClock()))), new ModelRollout.Batches() {
            @Override
            public <T> T inBatch(Supplier<T> work) {
                return work.get();
            }
        }, 3);
    }

    private static ProcessDefinition definitionOf(ProcessInstance instance) {
        return repositoryService().getProcessDefinition(runtimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId());
    }

    private static void landsAt(Waiting waiting, String... activities) {
        BpmnAwareTests.assertThat(waiting.lifecycle()).isWaitingAtExactly(activities);
    }

    /** The same stage process, task, due date and timers; the variables; the history of the call activity. */
    private static void keptWhatItHad(Waiting waiting, ProcessDefinition newModel) {
        assertThat(definitionOf(waiting.lifecycle()).getId()).isEqualTo(newModel.getId());
        ProcessInstance called = runtimeService().createProcessInstanceQuery()
                .processInstanceId(waiting.calledInstanceId()).superProcessInstanceId(waiting.lifecycle().getId())
                .singleResult();
        assertThat(called).as("the stage process still runs under the case's lifecycle").isNotNull();
        ProcessDefinition calledModel = repositoryService().getProcessDefinition(called.getProcessDefinitionId());
        assertThat(calledModel.getVersion()).as("the stage process is on its latest version").isEqualTo(
                repositoryService().createProcessDefinitionQuery().processDefinitionKey(calledModel.getKey())
                        .latestVersion().singleResult().getVersion());
        Task task = taskService().createTaskQuery().taskId(waiting.taskId()).singleResult();
        assertThat(task).as("the open task is the same").isNotNull();
        assertThat(task.getDueDate()).isEqualTo(waiting.taskDue());
        Map<String, Date> timers = managementService().createJobQuery().processInstanceId(called.getId()).timers()
                .list().stream().collect(Collectors.toMap(Job::getId, Job::getDuedate));
        assertThat(timers).isEqualTo(waiting.timers());
        assertThat(runtimeService().getVariables(waiting.lifecycle().getId()))
                .containsEntry(ProcessContext.CASE_ID, waiting.caseId());
        List<HistoricActivityInstance> history = historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(waiting.lifecycle().getId()).activityType("callActivity").list();
        assertThat(history).extracting(HistoricActivityInstance::getStartTime).contains(waiting.calledSince());
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(waiting.lifecycle().getId()).singleResult().getStartTime())
                .isEqualTo(Date.from(STARTED));
    }

    /** Completes the case's tasks, whichever process they are in, with values their forms accept, until it ends. */
    private static void runToTheEnd(Waiting waiting) {
        for (int step = 0; step < 200; step++) {
            List<Task> open = taskService().createTaskQuery().processInstanceBusinessKey(waiting.caseId()).list();
            if (open.isEmpty()) {
                // a period of public inputs on the JCM track: its timer closes it
                List<Job> closing = runtimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKey(waiting.caseId()).list().stream()
                        .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId())
                                .timers().list().stream())
                        .filter(job -> runtimeService().getActiveActivityIds(job.getProcessInstanceId()).stream()
                                .anyMatch(activity -> activity.startsWith("Timer_")))
                        .toList();
                if (closing.isEmpty()) {
                    return;
                }
                closing.forEach(job -> managementService().executeJob(job.getId()));
                continue;
            }
            for (Task task : open) {
                taskService().complete(task.getId(), ValidSubmissions.of(task.getTaskDefinitionKey()));
            }
        }
        throw new AssertionError("Case " + waiting.caseId() + " did not end");
    }

    /** Stands in for {@link CaseStages}: which stages each case entered during the move. */
    public static class StagesByCase {

        private final Map<String, List<String>> entered = new HashMap<>();

        public void enter(DelegateExecution execution, String stage) {
            record(execution, stage);
        }

        public void transfer(DelegateExecution execution, String scheme) {
            record(execution, "TRANSFERRED");
        }

        public void startJcmTrack(DelegateExecution execution) {
            record(execution, "JCM_TRACK_STARTED");
        }

        public void endJcmTrack(DelegateExecution execution) {
            record(execution, "JCM_TRACK_ENDED");
        }

        private void record(DelegateExecution execution, String what) {
            entered.computeIfAbsent((String) execution.getVariable(ProcessContext.CASE_ID),
                    id -> new ArrayList<>()).add(what);
        }

        void clear() {
            entered.clear();
        }

        List<String> of(Waiting waiting) {
            return entered.getOrDefault(waiting.caseId(), List.of());
        }
    }

    /** Stands in for the JCM procedure's records: public inputs for a minute. */
    public static class JcmProcedureStandIn {

        public void checkCompleteness(DelegateTask task) {
            closeInAMinute(task);
        }

        public void closePublicInputs(DelegateExecution execution) {
        }

        public void offerDesignatedTpes(DelegateTask task) {
        }

        public void submitProjectDesign(DelegateTask task) {
            closeInAMinute(task);
        }

        public void recordValidation(DelegateTask task) {
        }

        public void requestRegistration(DelegateTask task) {
        }

        public void register(DelegateTask task) {
        }

        public void requestIssuance(DelegateTask task) {
        }

        public void notifyGovernments(DelegateTask task) {
        }

        private static void closeInAMinute(DelegateTask task) {
            task.getExecution().setVariable("publicInputsCloseAt",
                    Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(60)));
        }
    }

    /** Stands in for the JCM procedure's periods: a week. */
    public static class JcmDueDatesStandIn {

        public Date of(DelegateExecution execution, String taskKey) {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)));
        }

        public Date reminderOf(DelegateExecution execution, String taskKey) {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
        }
    }

    /** Stands in for the MRV register: a new methodology is drafted each time. */
    public static class MrvRegisterStandIn {

        public void offerApproved(DelegateTask task) {
        }

        public void propose(DelegateTask task) {
            task.getExecution().setVariable("methodologyReused", false);
        }

        public void decide(DelegateTask task) {
        }

        public void recordMonitoringReport(DelegateTask task) {
        }

        public void recordVerification(DelegateTask task) {
        }

        public void recordIssuance(DelegateTask task) {
        }
    }
}
