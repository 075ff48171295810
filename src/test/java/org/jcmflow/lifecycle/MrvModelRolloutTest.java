package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.jcmflow.mrv.JcmProcedure;
import org.jcmflow.testsupport.ProcessTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases waiting at every wait state of the JCM track's earlier models (kept in src/test/resources/bpmn-previous) move
 * to the latest model by the start-up rollout: each keeps its task, due date and timers, and runs to its end through
 * the procedure's steps, its first request for registration rejected and its first request for issuance sent back
 * by the Joint Committee. Every wait state of the earlier models has its id in the latest one, so the rollout's
 * mapping of equal ids is the plan.
 * <ul>
 * <li>v1, single-task steps: before the Joint Committee's procedure;</li>
 * <li>v2, the procedure without the Joint Committee's rejection of a registration or an issuance.</li>
 * </ul>
 */
class MrvModelRolloutTest {

    private static final String SINGLE_TASK_MRV = "bpmn-previous/mrv-v1.bpmn";
    private static final String PROCEDURE_WITHOUT_REJECTION_MRV = "bpmn-previous/mrv-v2.bpmn";
    private static final String NEW_MRV = "bpmn/mrv.bpmn";
    private static final List<String> SINGLE_TASK_WAIT_STATES = List.of("Task_DraftMethodology",
            "Task_DecideMethodology", "Task_ReviseMethodology", "Task_ValidateProjectDesign",
            "Task_CorrectProjectDesign", "Task_RegisterProject", "Task_SubmitMonitoringReport",
            "Task_VerifyMonitoringReport", "Task_IssueCredits");
    private static final List<String> PROCEDURE_WAIT_STATES = List.of("Task_DraftMethodology",
            "Task_CheckMethodologyCompleteness", "Timer_MethodologyPublicInputsClosed", "Task_DecideMethodology",
            "Task_ReviseMethodology", "Task_SubmitProjectDesign", "Timer_ProjectDesignPublicInputsClosed",
            "Task_ValidateProjectDesign", "Task_CorrectProjectDesign", "Task_RequestRegistration",
            "Task_RegisterProject", "Task_SubmitMonitoringReport", "Task_VerifyMonitoringReport",
            "Task_RequestIssuance", "Task_IssueCredits", "Task_NotifyGovernments");
    /** The Joint Committee's requests it turns down once before granting them, on every migrated case. */
    private static final Map<String, Map<String, Object>> TURNED_DOWN_ONCE = Map.of(
            "Task_RegisterProject", Map.of("registrationDecision", "REJECTED",
                    "registrationDecisionReason", "The monitoring plan does not follow the methodology."),
            "Task_IssueCredits", Map.of("issuanceDecision", "REVISION_REQUESTED",
                    "issuanceDecisionReason", "The monitoring report's period is not the verified one."));

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.coveredEngine().build();

    private final JdbcTemplate jdbc = new JdbcTemplate(ProcessTestDatabase.dataSource());
    private final List<String> deployments = new ArrayList<>();
    private final Set<String> turnedDown = new HashSet<>();
    private long tpe;

    @BeforeEach
    void oldModel() {
        ProcessTestSupport.registerBeans();
        ProcessTestSupport.registerDeadlines();
        MrvProcessTest.registerJcmBeans(jdbc);
        tpe = jdbc.queryForObject("""
                insert into third_party_entity (name, designated_on, created_at, updated_at)
                values (?, date '2014-01-01', now(), now()) returning id""", Long.class, "TPE " + UUID.randomUUID());
        jdbc.update("insert into third_party_entity_country values (?, 'VN')", tpe);
        jdbc.update("insert into third_party_entity_scope values (?, 3)", tpe);
    }

    @AfterEach
    void removeDeployments() {
        ClockUtil.reset();
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    }

    /** A case of the old model waiting at the task, and what it had there. */
    private record Waiting(String caseId, ProcessInstance mrv, String taskId, Date taskDue, Map<String, Date> timers) {
    }

    private void deploy(String model) {
        deployments.add(repositoryService().createDeployment().addClasspathResource(model).deploy().getId());
    }

    @Test
    void everyWaitStateOfTheSingleTaskModelLandsOnTheSameStepAndRunsThroughTheProcedure() {
        Map<String, Waiting> waiting = rolledOut(SINGLE_TASK_MRV, SINGLE_TASK_WAIT_STATES);
        // the JC's consideration has the procedure's deadline from now on: its reminder and escalation are set
        assertThat(managementService().createJobQuery().processInstanceId(waiting.get("Task_DecideMethodology")
                .mrv().getId()).activityId("Boundary_DecideMethodologyOverdue").count()).isOne();

        waiting.forEach((taskKey, each) -> {
            runToTheEnd(each);
            BpmnAwareTests.assertThat(each.mrv()).as(taskKey).isEnded();
        });
        BpmnAwareTests.assertThat(waiting.get("Task_DraftMethodology").mrv())
                .hasPassed("Task_CheckMethodologyCompleteness", "Timer_MethodologyPublicInputsClosed",
                        "Task_SubmitProjectDesign", "Timer_ProjectDesignPublicInputsClosed", "Task_RequestRegistration",
                        "Task_RequestIssuance", "Task_NotifyGovernments");
        BpmnAwareTests.assertThat(waiting.get("Task_ValidateProjectDesign").mrv())
                .hasPassed("Task_RequestRegistration").hasNotPassed("Task_SubmitProjectDesign");
        // a case whose credits the JC was deciding on: sent back, requested again, notified, and issued into its
        // participants' account
        String issued = waiting.get("Task_IssueCredits").caseId();
        assertThat(jdbc.queryForList("""
                select account_kind || ' ' || credits_tco2 from registry_entry where case_id = ?::uuid""",
                String.class, issued)).containsExactly("JAPANESE_PARTICIPANT 900.00");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(
                waiting.get("Task_IssueCredits").mrv().getId()).taskDefinitionKey("Task_NotifyGovernments")
                .finished().count()).isOne();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(
                waiting.get("Task_IssueCredits").mrv().getId()).taskDefinitionKey("Task_RequestIssuance")
                .finished().count()).isOne();
    }

    @Test
    void everyWaitStateOfTheProcedureWithoutRejectionsLandsOnTheSameStepAndRunsThroughTheRejections() {
        Map<String, Waiting> waiting = rolledOut(PROCEDURE_WITHOUT_REJECTION_MRV, PROCEDURE_WAIT_STATES);

        waiting.forEach((waitState, each) -> {
            runToTheEnd(each);
            BpmnAwareTests.assertThat(each.mrv()).as(waitState).isEnded();
        });
        // every case that had its registration or issuance ahead went through the JC's rejection and asked again
        waiting.forEach((waitState, each) -> {
            int at = PROCEDURE_WAIT_STATES.indexOf(waitState);
            if (at <= PROCEDURE_WAIT_STATES.indexOf("Task_RegisterProject")) {
                BpmnAwareTests.assertThat(each.mrv()).as(waitState).hasPassed("Gateway_Registered");
                assertThat(finished(each, "Task_RegisterProject")).as(waitState).isEqualTo(2);
            }
            if (at <= PROCEDURE_WAIT_STATES.indexOf("Task_IssueCredits")) {
                BpmnAwareTests.assertThat(each.mrv()).as(waitState).hasPassed("Gateway_CreditsIssued");
                assertThat(finished(each, "Task_IssueCredits")).as(waitState).isEqualTo(2);
            }
            assertThat(jdbc.queryForObject("""
                    select sum(credits_tco2) from registry_entry where case_id = ?::uuid""", java.math.BigDecimal.class,
                    each.caseId())).as(waitState).isEqualByComparingTo("900");
        });
        assertThat(jdbc.queryForObject("select registration_number from project_registration where case_id = ?::uuid",
                String.class, waiting.get("Task_RegisterProject").caseId())).startsWith("VN");
    }

    private long finished(Waiting waiting, String taskKey) {
        return historyService().createHistoricTaskInstanceQuery().processInstanceId(waiting.mrv().getId())
                .taskDefinitionKey(taskKey).finished().count();
    }

    /**
     * Cases started on the earlier model, one waiting at each of its wait states, moved to the latest model by the
     * rollout: all of them, each at the same step with the same task, due date and timers.
     */
    private Map<String, Waiting> rolledOut(String earlierModel, List<String> waitStates) {
        deploy(earlierModel);
        Map<String, Waiting> waiting = new LinkedHashMap<>();
        waitStates.forEach(waitState -> waiting.put(waitState, startAt(waitState)));
        ProcessDefinition oldModel = repositoryService().getProcessDefinition(
                waiting.get("Task_DraftMethodology").mrv().getProcessDefinitionId());

        deploy(NEW_MRV);
        ModelRollout.Result result = new ModelRollout(processEngine(), List.of(), new ModelRollout.Batches() {
            @Override
            public <T> T inBatch(Supplier<T> work) {
                return work.get();
            }
        }, 4).rollOut();

        assertThat(result.failed()).isEmpty();
        assertThat(result.movedInAll()).isEqualTo(waitStates.size());
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(oldModel.getId()).count())
                .isZero();
        waiting.forEach((waitState, each) -> {
            BpmnAwareTests.assertThat(each.mrv()).as(waitState).isWaitingAtExactly(waitState);
            if (each.taskId() != null) {
                Task task = taskService().createTaskQuery().taskId(each.taskId()).singleResult();
                assertThat(task).as("the open task of " + waitState + " is the same").isNotNull();
                assertThat(task.getDueDate()).as(waitState).isEqualTo(each.taskDue());
            }
            assertThat(timers(each.mrv())).as("the timers of " + waitState).containsAllEntriesOf(each.timers());
            assertThat(repositoryService().getProcessDefinition(runtimeService().createProcessInstanceQuery()
                    .processInstanceId(each.mrv().getId()).singleResult().getProcessDefinitionId()).getVersion())
                    .isGreaterThan(oldModel.getVersion());
        });
        return waiting;
    }

    /** A case of the old model, its record in the tables as far as it got, waiting at the task. */
    private Waiting startAt(String waitState) {
        String caseId = UUID.randomUUID().toString();
        jdbc.update("""
                insert into project_case (id, title, partner_country, technology, estimated_reduction_tco2_per_year,
                    budget_million_jpy, fiscal_year, organization, created_by, created_at, stage, stage_entered_at)
                values (?::uuid, 'Old MRV case', 'VN', 'Boilers', 1000, 100, 2016, 'nihon-ecotech', 'tanaka', ?, 'MRV',
                        ?)""", caseId, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        Long methodology = jdbc.queryForObject("""
                insert into methodology (title, partner_country, status, drafted_by_case, created_at, updated_at)
                values ('Boilers', 'VN', 'PROPOSED', ?::uuid, now(), now()) returning id""", Long.class, caseId);
        jdbc.update("""
                insert into monitoring_period (case_id, period_number, period_start, period_end,
                    monitored_reduction_tco2, verification_outcome, verified_reduction_tco2, submitted_at, updated_at)
                values (?::uuid, 1, date '2024-04-01', date '2025-03-31', 950, 'VERIFIED', 900, now(), now())""",
                caseId);
        if (waitState.equals("Task_NotifyGovernments")) {
            // the JC decided on the issuance: the governments are to be told of it
            jdbc.update("""
                    update monitoring_period set credits_issued_tco2 = 900, issued_on = date '2025-06-01'
                    where case_id = ?::uuid""", caseId);
        }
        // a period of public inputs that runs for a day yet, for a case waiting for its end
        Map<String, Object> variables = new HashMap<>(Map.of("caseId", caseId, "methodologyId", methodology,
                "methodologyReused", false, "monitoringPeriod", 1, "monitoringPeriods", 1,
                JcmProcedure.PUBLIC_INPUTS_CLOSE_AT, Date.from(Instant.now().plus(Duration.ofDays(1)))));
        ProcessInstance mrv = runtimeService().createProcessInstanceByKey("jcm-mrv").businessKey(caseId)
                .setVariables(variables).startBeforeActivity(waitState).execute();
        Task task = taskService().createTaskQuery().processInstanceId(mrv.getId()).singleResult();
        return new Waiting(caseId, mrv, task == null ? null : task.getId(), task == null ? null : task.getDueDate(),
                timers(mrv));
    }

    private static Map<String, Date> timers(ProcessInstance mrv) {
        Map<String, Date> timers = new HashMap<>();
        managementService().createJobQuery().processInstanceId(mrv.getId()).timers().list()
                .forEach(job -> timers.put(job.getId(), job.getDuedate()));
        return timers;
    }

    /** Completes the case's steps with what the procedure asks, and lets the periods of public inputs run out. */
    private void runToTheEnd(Waiting waiting) {
        for (int step = 0; step < 50; step++) {
            Task task = taskService().createTaskQuery().processInstanceId(waiting.mrv().getId()).singleResult();
            if (task == null) {
                Job closing = List.of("Timer_MethodologyPublicInputsClosed", "Timer_ProjectDesignPublicInputsClosed")
                        .stream().map(timer -> managementService().createJobQuery()
                                .processInstanceId(waiting.mrv().getId()).timers().activityId(timer).singleResult())
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (closing == null) {
                    return;
                }
                managementService().executeJob(closing.getId());
                continue;
            }
            String taskKey = task.getTaskDefinitionKey();
            boolean turnDown = TURNED_DOWN_ONCE.containsKey(taskKey) && turnedDown.add(waiting.caseId() + taskKey);
            taskService().complete(task.getId(), turnDown ? TURNED_DOWN_ONCE.get(taskKey)
                    : values(taskKey, waiting.caseId()));
        }
        throw new AssertionError("Case " + waiting.caseId() + " did not end");
    }

    private Map<String, Object> values(String taskKey, String caseId) {
        Map<String, Object> values = switch (taskKey) {
            case "Task_DraftMethodology" -> Map.of("methodologyTitle", "Boilers, proposed");
            case "Task_CheckMethodologyCompleteness" -> Map.of("completenessOutcome", "COMPLETE");
            case "Task_DecideMethodology" -> Map.of("methodologyDecision", "APPROVED", "methodologyReference",
                    "VN_AM009", "methodologyVersion", "Ver01.0");
            case "Task_SubmitProjectDesign" -> Map.of("projectDesignDocument", document(caseId), "sectoralScope", "3",
                    "tpeId", String.valueOf(tpe), "focalPoint", "Nihon Ecotech", "focalPointEmail", "jcm@example.org",
                    "japaneseGovernmentSharePercent", 50, "partnerGovernmentSharePercent", 0,
                    "japaneseParticipantSharePercent", 50, "partnerParticipant", "None",
                    "partnerParticipantSharePercent", 0);
            case "Task_ValidateProjectDesign" -> Map.of("validationDecision", "VALIDATED");
            case "Task_RegisterProject" -> Map.of("registrationDecision", "REGISTERED",
                    "registrationNumber", "VN" + caseId.substring(0, 8),
                    "registrationDate", "2024-03-01", "creditingPeriodStart", "2024-04-01",
                    "creditingPeriodEnd", "2030-12-31", "monitoringPeriods", 1);
            case "Task_SubmitMonitoringReport" -> Map.of("monitoringPeriodStart", "2024-04-01",
                    "monitoringPeriodEnd", "2025-03-31", "reportedReductionTco2", 950.0);
            case "Task_VerifyMonitoringReport" -> Map.of("verifierTpeId", String.valueOf(tpe),
                    "verificationDecision", "VERIFIED", "verifiedReductionTco2", 900.0);
            case "Task_RequestIssuance" -> Map.of("creditsRequestedTco2", 900.0);
            case "Task_IssueCredits" -> Map.of("issuanceDecision", "ISSUED", "creditsIssuedTco2", 900.0,
                    "issuanceDate", "2025-06-01");
            case "Task_NotifyGovernments" -> Map.of("japanNotifiedOn", "2025-06-02", "partnerNotifiedOn", "2025-06-02");
            default -> Map.of();
        };
        return values;
    }

    private String document(String caseId) {
        UUID document = UUID.randomUUID();
        jdbc.update("""
                insert into case_document (id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by,
                    uploaded_at)
                values (?, ?::uuid, 'pdd.pdf', 'application/pdf', 5, repeat('0', 64), 'tanaka', now())""",
                document, caseId);
        jdbc.update("insert into case_document_chunk (document_id, position, content) values (?, 0, ?)",
                document, "%PDF-".getBytes(StandardCharsets.US_ASCII));
        return document.toString();
    }
}
