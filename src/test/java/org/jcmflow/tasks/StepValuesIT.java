package org.jcmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcmflow.testsupport.DemoUser.PROGRAM_MANAGER;
import static org.jcmflow.testsupport.DemoUser.PROPONENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.jcmflow.testsupport.ApiClient;
import org.jcmflow.testsupport.ApplicationTest;
import org.jcmflow.testsupport.CaseDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A step's values go into the case's history as one document; only those a process reads after the step (its
 * decision, here) become process variables, in the engine's runtime and history tables.
 */
@ApplicationTest
class StepValuesIT {

    private static final String MIGRATION = "db/migration/V92__step_values_leave_the_processes.sql";
    private static final String COMMENTS = "Fits the call; the budget is within the programme's ceiling.";

    @Autowired
    TaskService engineTasks;
    @Autowired
    RuntimeService engineRuntime;
    @Autowired
    HistoryService engineHistory;
    @Autowired
    JdbcClient jdbc;

    final CaseDriver driver;
    final ObjectMapper json = new ObjectMapper();

    StepValuesIT(CaseDriver driver) {
        this.driver = driver;
    }

    @Test
    void theHistoryHoldsEveryValueAndTheProcessOnlyTheDecisionItReads() throws IOException {
        String caseId = driver.openCase(PROPONENT, "Step values: screened");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        String process = engineTasks.createTaskQuery().taskId(screening).singleResult().getProcessInstanceId();

        complete(screening, COMMENTS);

        // the gateway read the decision: the study is under way
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
        JsonNode details = details(caseId, "Task_ScreenProposal");
        assertThat(details.path("screeningDecision").asText()).isEqualTo("ACCEPT");
        assertThat(details.path("screeningComments").asText()).isEqualTo(COMMENTS);
        assertThat(engineRuntime.getVariables(process)).containsEntry("screeningDecision", "ACCEPT")
                .doesNotContainKey("screeningComments");
        assertThat(engineHistory.createHistoricVariableInstanceQuery().processInstanceId(process)
                .variableName("screeningComments").count()).isZero();
    }

    @Test
    void aRunningCaseHoldingAnEarlierVersionsValuesCompletesOnceTheyAreMigrated() throws IOException {
        String caseId = driver.openCase(PROPONENT, "Step values: held by an earlier version");
        String screening = driver.openTask(caseId, "Task_ScreenProposal");
        String process = engineTasks.createTaskQuery().taskId(screening).singleResult().getProcessInstanceId();
        // as the earlier version's completions left every value in the process
        engineRuntime.setVariable(process, "screeningComments", "Left by an earlier completion");
        engineRuntime.setVariable(process, "committeeMembers", List.of("kobayashi", "yamamoto"));
        // the engine does not let a transient value stand in for a process variable: why the migration is needed
        assertThatThrownBy(() -> engineTasks.complete(screening, Variables.createVariables()
                .putValueTyped("screeningComments", Variables.stringValue("x", true))))
                .isInstanceOf(ProcessEngineException.class);

        jdbc.sql(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8)).update();

        assertThat(engineRuntime.getVariables(process)).doesNotContainKeys("screeningComments", "committeeMembers")
                .containsKey("caseId");
        complete(screening, COMMENTS);
        assertThat(details(caseId, "Task_ScreenProposal").path("screeningComments").asText()).isEqualTo(COMMENTS);
        assertThat(driver.openTask(caseId, "Task_SubmitFeasibilityReport")).isNotBlank();
    }

    private void complete(String taskId, String comments) {
        ApiClient.Response completed = driver.as(PROGRAM_MANAGER).post("/api/tasks/" + taskId + "/complete",
                Map.of("variables", Map.of("screeningDecision", "ACCEPT", "screeningComments", comments)));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    }

    private JsonNode details(String caseId, String stepKey) throws IOException {
        for (JsonNode step : driver.caseFile(caseId).path("history")) {
            if (step.path("stepKey").asText().equals(stepKey)) {
                return json.readTree(step.path("details").asText());
            }
        }
        throw new AssertionError("No step " + stepKey + " in the history of " + caseId);
    }
}
