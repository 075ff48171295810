package org.jcmflow.lifecycle;

import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the case's JCM track to the stage of each of its tasks as the task opens (a monitoring report due: the
 * track is in monitoring; its verification opens: in verification), whether the task opens in the normal course or
 * when an operator moves a case. The BPMN of the track stays free of bookkeeping listeners.
 */
@Component
class JcmTrackProgress {

    private final CaseFileService cases;

    JcmTrackProgress(CaseFileService cases) {
        this.cases = cases;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void taskCreated(DelegateTask task) {
        Optional<UUID> caseId = ProcessContext.caseOf(task);
        if (caseId.isEmpty()) {
            return;
        }
        JcmTrackStage.ofStep(task.getTaskDefinitionKey())
                .ifPresent(stage -> cases.enterJcmTrackStage(caseId.get(), stage));
    }
}
