package org.jcmflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@ProcessTest
@Deployment(resources = "bpmn/mou.bpmn")
class MouProcessTest {

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("jcm-mou", "case-1", withVariables("caseId", "case-1"));
    }

    @Test
    void abandonedNegotiationEndsWithoutSignature() {
        ProcessInstance mou = start();
        assertThat(mou).isWaitingAt("Task_NegotiateMou");
        assertThat(task(mou)).hasCandidateGroup("program-manager");
        complete(task(mou), withVariables("negotiationStatus", "ABANDONED"));
        assertThat(mou)
                .hasPassedInOrder("Task_NegotiateMou", "End_MouAbandoned")
                .hasNotPassed("Task_RecordMouSignature", "End_MouSigned")
                .isEnded();
    }

    @Test
    void agreedMouIsSignedAndFollowedByTheImplementationDocument() {
        ProcessInstance mou = start();
        complete(task(mou), withVariables("negotiationStatus", "AGREED"));
        assertThat(mou).isWaitingAt("Task_RecordMouSignature");
        assertThat(task(mou)).hasCandidateGroup("program-manager");
        complete(task(mou), withVariables("mouSignedDate", "2025-06-30"));
        assertThat(mou).isWaitingAt("Task_SubmitImplementationDocument");
        assertThat(task(mou)).hasCandidateGroup("proponent");
        Assertions.assertThat(task(mou).getDueDate()).isInTheFuture();
        complete(task(mou));
        assertThat(mou)
                .hasPassedInOrder("Task_NegotiateMou", "Task_RecordMouSignature", "Task_SubmitImplementationDocument",
                        "End_MouSigned")
                .hasNotPassed("End_MouAbandoned")
                .isEnded()
                .variables().containsEntry("negotiationStatus", "AGREED").containsEntry("mouSignedDate", "2025-06-30");
    }

    @Test
    void anImplementationDocumentNotSubmittedInTimeIsRemindedThenEscalatedAndStaysOpen(RecordingDeadlines deadlines) {
        ProcessInstance mou = start();
        complete(task(mou), withVariables("negotiationStatus", "AGREED"));
        complete(task(mou), withVariables("mouSignedDate", "2025-06-30"));
        ProcessTestSupport.remindThenEscalate(mou, "Task_SubmitImplementationDocument", deadlines);
        Assertions.assertThat(deadlines.sent()).containsExactly("reminder Task_SubmitImplementationDocument",
                "escalation Task_SubmitImplementationDocument");
        complete(task(mou));
        assertThat(mou).hasPassed("Boundary_SubmitImplementationDocumentReminder",
                "End_SubmitImplementationDocumentReminded", "Boundary_SubmitImplementationDocumentOverdue",
                "End_SubmitImplementationDocumentEscalated", "End_MouSigned").isEnded();
    }
}
