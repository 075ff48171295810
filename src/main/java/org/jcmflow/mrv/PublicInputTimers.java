package org.jcmflow.mrv;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * The timers that close a case's periods of public inputs, fired when due by the engine's clock without waiting for
 * the job executor: for a replay of the programme's history, which moves the clock through past days in one
 * transaction that the job executor does not see.
 */
@Service
public class PublicInputTimers {

    static final List<String> TIMERS = List.of("Timer_MethodologyPublicInputsClosed",
            "Timer_ProjectDesignPublicInputsClosed");

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    PublicInputTimers(RuntimeService runtime, ManagementService management, Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /** Fires the case's timers at the end of periods of public inputs that have ended by now. */
    public void fireDue(UUID caseId) {
        Date now = Date.from(clock.instant());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list().forEach(instance ->
                TIMERS.forEach(timer -> {
                    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers()
                            .activityId(timer).list()) {
                        if (!job.getDuedate().after(now)) {
                            management.executeJob(job.getId());
                        }
                    }
                }));
    }
}
