package org.jcmflow.notification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.jcmflow.lifecycle.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail process that steps started before mails went through the outbox: its instances still running finish as
 * they began, nothing in the calling step, each recipient's mail a job of its own, retried.
 */
@ProcessTest
@Deployment(resources = "bpmn/notification.bpmn")
class NotificationProcessTest {

    /** Stands in for the mail service: addresses the given people, and fails for the unreachable ones. */
    public static class StubMail {
        final List<String> addressees = new ArrayList<>();
        final Set<String> unreachable = new HashSet<>();
        final List<String> sent = new ArrayList<>();

        public void address(DelegateExecution execution) {
            execution.setVariable(Notifications.RECIPIENTS, new ArrayList<>(addressees.stream()
                    .map(username -> Map.of("username", username)).toList()));
        }

        public void send(DelegateExecution execution) {
            @SuppressWarnings("unchecked")
            String username = ((Map<String, String>) execution.getVariable(Notifications.RECIPIENT)).get("username");
            if (unreachable.contains(username)) {
                throw new IllegalStateException("mail server refused the mail to " + username);
            }
            sent.add(username);
        }
    }

    StubMail mail;

    @BeforeEach
    void beans() {
        mail = new StubMail();
        Mocks.register("notifications", mail);
    }

    private ProcessInstance request() {
        return runtimeService().startProcessInstanceByKey(Notifications.PROCESS_ID, "case-1",
                withVariables("notification", "NEW_TASK", "caseId", "case-1"));
    }

    @Test
    void nothingIsSentInTheCallingStepAndEachRecipientGetsAMailOfTheirOwn() {
        mail.addressees.addAll(List.of("sato", "takahashi"));
        ProcessInstance notification = request();
        assertThat(notification).isWaitingAt("Task_AddressRecipients");
        Assertions.assertThat(mail.sent).isEmpty();
        execute(job(notification));
        List<Job> sending = managementService().createJobQuery().processInstanceId(notification.getId()).list();
        Assertions.assertThat(sending).hasSize(2);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(notification.getId())
                .activityId("Task_SendMail").count()).isEqualTo(2);
        sending.forEach(job -> managementService().executeJob(job.getId()));
        Assertions.assertThat(mail.sent).containsExactlyInAnyOrder("sato", "takahashi");
        assertThat(notification).hasPassed("Task_SendMail", "End_NotificationSent").isEnded();
    }

    @Test
    void aMailThatFailsIsRetriedLaterWithoutSendingTheOthersAgain() {
        mail.addressees.addAll(List.of("sato", "takahashi"));
        mail.unreachable.add("takahashi");
        ProcessInstance notification = request();
        execute(job(notification));
        for (Job job : managementService().createJobQuery().processInstanceId(notification.getId()).list()) {
            try {
                managementService().executeJob(job.getId());
            } catch (RuntimeException refused) {
                Assertions.assertThat(refused).hasMessageContaining("takahashi");
            }
        }
        Job failed = managementService().createJobQuery().processInstanceId(notification.getId()).singleResult();
        Assertions.assertThat(failed.getRetries()).as("retries left after the first failure").isEqualTo(5);
        Assertions.assertThat(failed.getExceptionMessage()).contains("takahashi");
        Assertions.assertThat(failed.getDuedate()).as("retried later, not at once").isInTheFuture();
        Assertions.assertThat(mail.sent).containsExactly("sato");

        mail.unreachable.clear();
        managementService().executeJob(failed.getId());
        Assertions.assertThat(mail.sent).containsExactly("sato", "takahashi");
        assertThat(notification).isEnded();
    }

    @Test
    void nobodyToTellEndsTheNotification() {
        ProcessInstance notification = request();
        execute(job(notification));
        assertThat(notification).hasPassed("End_NotificationSent").isEnded();
        Assertions.assertThat(mail.sent).isEmpty();
    }
}
