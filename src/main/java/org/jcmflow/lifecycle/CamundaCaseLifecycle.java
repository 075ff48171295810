package org.jcmflow.lifecycle;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseLifecycle;
import org.springframework.stereotype.Component;

@Component
class CamundaCaseLifecycle implements CaseLifecycle {

    private final RuntimeService runtime;

    CamundaCaseLifecycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(UUID caseId) {
        return runtime.startProcessInstanceByKey(LifecycleProcess.PROCESS_ID, caseId.toString(),
                Map.of(ProcessContext.CASE_ID, caseId.toString())).getId();
    }
}
