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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.jcmflow.testsupport.ProcessTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases waiting at every wait state of the JCM track's model with single-task steps (kept in
 * src/test/resources/bpmn-previous) move to the model of the Joint Committee's procedure by the start-up rollout:
 * each keeps its task, due date and timers, and runs to its end through the procedure's steps. Every wait state of
 * the old model has its id in the new one, so the rollout's mapping of equal ids is the plan.
 */
class MrvModelRolloutTest {

    private static final String OLD_MRV = "bpmn-previous/mrv-v1.bpmn";
    private static final String NEW_MRV = "bpmn/mrv.bpmn";
    private static final List<String> WAIT_STATES = List.of("Task_DraftMethodology", "Task_DecideMethodology",
            "Task_ReviseMethodology", "Task_ValidateProjectDesign", "Task_CorrectProjectDesign",
            "Task_RegisterProject", "Task_SubmitMonitoringReport", "Task_VerifyMonitoringReport",
            "Task_IssueCredits");

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestSupport.ENGINE_CONFIGURATION).build();

    private final JdbcTemplate jdbc = new JdbcTemplate(ProcessTestDatabase.dataSource());
    private final List<String> deployments = new ArrayList<>();
    private long tpe;

    @BeforeEach
    void oldModel() {
        ProcessTestSupport.registerBeans();
        ProcessTestSupport.registerDeadlines();
        MrvProcessTest.registerJcmBeans(jdbc);
        deployments.add(repositoryService().createDeployment().addClasspathResource(OLD_MRV).deploy().getId());
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

    @Test
    void everyWaitStateOfTheSingleTaskModelLandsOnTheSameStepAndRunsThroughTheProcedure() {
        Map<String, Waiting> waiting = new LinkedHashMap<>();
        WAIT_STATES.forEach(taskKey -> waiting.put(taskKey, startAt(taskKey)));
        ProcessDefinition oldModel = repositoryService().getProcessDefinition(
                waiting.get("Task_DraftMethodology").mrv().getProcessDefinitionId());

        deployments.add(repositoryService().createDeployment().addClasspathResource(NEW_MRV).deploy().getId());
        ModelRollout.Result result = new ModelRollout(processEngine(), List.of(), new ModelRollout.Batches() {
            @Override
            public <T> T inBatch(Supplier<T> work) {
                return work.get();
            }
        }, 4).rollOut();

        assertThat(result.failed()).isEmpty();
        assertThat(result.movedInAll()).isEqualTo(WAIT_STATES.size());
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(oldModel.getId()).count())
                .isZero();
        waiting.forEach((taskKey, each) -> {
            BpmnAwareTests.assertThat(each.mrv()).as(taskKey).isWaitingAtExactly(taskKey);
            Task task = taskService().createTaskQuery().taskId(each.taskId()).singleResult();
            assertThat(task).as("the open task of " + taskKey + " is the same").isNotNull();
            assertThat(task.getDueDate()).as(taskKey).isEqualTo(each.taskDue());
            assertThat(timers(each.mrv())).as("the timers of " + taskKey).containsAllEntriesOf(each.timers());
            assertThat(repositoryService().getProcessDefinition(runtimeService().createProcessInstanceQuery()
                    .processInstanceId(each.mrv().getId()).singleResult().getProcessDefinitionId()).getVersion())
                    .isGreaterThan(oldModel.getVersion());
        });
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
        // a case whose credits the JC was deciding on: notified, and issued into its participants' account
        String issued = waiting.get("Task_IssueCredits").caseId();
        assertThat(jdbc.queryForList("""
                select account_kind || ' ' || credits_tco2 from registry_entry where case_id = ?::uuid""",
                String.class, issued)).containsExactly("JAPANESE_PARTICIPANT 900.00");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(
                waiting.get("Task_IssueCredits").mrv().getId()).taskDefinitionKey("Task_NotifyGovernments")
                .finished().count()).isOne();
    }

    /** A case of the old model, its record in the tables as far as it got, waiting at the task. */
    private Waiting startAt(String taskKey) {
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
        Map<String, Object> variables = new HashMap<>(Map.of("caseId", caseId, "methodologyId", methodology,
                "methodologyReused", false, "monitoringPeriod", 1, "monitoringPeriods", 1));
        ProcessInstance mrv = runtimeService().createProcessInstanceByKey("jcm-mrv").businessKey(caseId)
                .setVariables(variables).startBeforeActivity(taskKey).execute();
        Task task = taskService().createTaskQuery().processInstanceId(mrv.getId()).singleResult();
        return new Waiting(caseId, mrv, task.getId(), task.getDueDate(), timers(mrv));
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
            taskService().complete(task.getId(), values(task.getTaskDefinitionKey(), waiting.caseId()));
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
            case "Task_RegisterProject" -> Map.of("registrationNumber", "VN" + caseId.substring(0, 8),
                    "registrationDate", "2024-03-01", "creditingPeriodStart", "2024-04-01",
                    "creditingPeriodEnd", "2030-12-31", "monitoringPeriods", 1);
            case "Task_SubmitMonitoringReport" -> Map.of("monitoringPeriodStart", "2024-04-01",
                    "monitoringPeriodEnd", "2025-03-31", "reportedReductionTco2", 950.0);
            case "Task_VerifyMonitoringReport" -> Map.of("verifierTpeId", String.valueOf(tpe),
                    "verificationDecision", "VERIFIED", "verifiedReductionTco2", 900.0);
            case "Task_RequestIssuance" -> Map.of("creditsRequestedTco2", 900.0);
            case "Task_IssueCredits" -> Map.of("creditsIssuedTco2", 900.0, "issuanceDate", "2025-06-01");
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
