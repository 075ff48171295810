package org.jcmflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.context.ApplicationContext;

/**
 * Lets a case's period of public inputs run out in an application under test: the timer at its end fires now, as
 * the engine's job executor fires it when the period's end comes (weeks later, by the procedure's periods).
 */
public final class PublicInputTimers {

    private static final List<String> TIMERS = List.of("Timer_MethodologyPublicInputsClosed",
            "Timer_ProjectDesignPublicInputsClosed");

    private PublicInputTimers() {
    }

    public static void runOut(ApplicationContext application, String caseId) {
        RuntimeService runtime = application.getBean(RuntimeService.class);
        ManagementService management = application.getBean(ManagementService.class);
        List<Job> closing = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(instance -> TIMERS.stream().map(timer -> management.createJobQuery()
                        .processInstanceId(instance.getId()).timers().activityId(timer).singleResult()))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(closing).as("the open period of public inputs of case " + caseId).hasSize(1);
        management.executeJob(closing.get(0).getId());
    }
}
