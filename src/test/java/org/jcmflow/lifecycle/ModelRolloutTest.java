package org.jcmflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rollout by equal ids, batch by batch, and what it does with an instance whose step the new model lacks. */
class ModelRolloutTest {

    private static final String PROCESS = "rollout-probe";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestSupport.coveredEngine().build();

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
    }

    @Test
    void instancesMoveByEqualIdsAndOneThatCannotStaysOnItsVersionAndRuns() {
        deploy(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(30).startEvent("Start_Probe")
                .userTask("Task_Kept").userTask("Task_Dropped").endEvent("End_Probe").done());
        List<ProcessInstance> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kept.add(runtimeService().startProcessInstanceByKey(PROCESS, Map.of("number", i)));
        }
        ProcessInstance dropped = runtimeService().createProcessInstanceByKey(PROCESS)
                .startBeforeActivity("Task_Dropped").execute();
        deploy(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(30).startEvent("Start_Probe")
                .userTask("Task_Kept").userTask("Task_Added").endEvent("End_Probe").done());

        ModelRollout.Result result = rollout().rollOut();

        assertThat(result.moved()).containsExactly(Map.entry(PROCESS + " v1 -> v2", 5));
        assertThat(result.failed()).containsExactly(Map.entry(PROCESS + " v1 -> v2", 1));
        for (ProcessInstance instance : kept) {
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Kept").variables().containsKey("number");
            assertThat(versionOf(instance)).isEqualTo(2);
        }
        assertThat(versionOf(dropped)).isEqualTo(1);
        BpmnAwareTests.assertThat(dropped).isWaitingAt("Task_Dropped");

        ModelRollout.Result again = rollout().rollOut();
        assertThat(again.movedInAll()).isZero();
        assertThat(again.failed()).containsExactly(Map.entry(PROCESS + " v1 -> v2", 1));
        BpmnAwareTests.complete(BpmnAwareTests.task(dropped));
        BpmnAwareTests.assertThat(dropped).isEnded();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy()
                .getId());
    }

    private static int versionOf(ProcessInstance instance) {
        return repositoryService().getProcessDefinition(runtimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId()).getVersion();
    }

    /** Batches of two, so that the instances move in several. */
    private static ModelRollout rollout() {
        return new ModelRollout(processEngine(), List.of(), new ModelRollout.Batches() {
            @Override
            public <T> T inBatch(Supplier<T> work) {
                return work.get();
            }
        }, 2);
    }
}
