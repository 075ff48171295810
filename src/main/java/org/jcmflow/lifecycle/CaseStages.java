package org.jcmflow.lifecycle;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jcmflow.engine.ProcessContext;
import org.jcmflow.casefile.CaseFileService;
import org.jcmflow.casefile.JcmTrackStage;
import org.jcmflow.casefile.Stage;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record's stages in step with the lifecycle process. Called from execution listeners in
 * {@code bpmn/project-lifecycle.bpmn}: {@code ${caseStages.enter(execution, 'MOU')}} for the case's main line, and
 * {@code startJcmTrack}/{@code endJcmTrack} around the JCM track's call activity; the track's stages in between
 * follow its open tasks ({@link JcmTrackProgress}).
 */
@Component("caseStages")
public class CaseStages {

    private final CaseFileService cases;

    CaseStages(CaseFileService cases) {
        this.cases = cases;
    }

    public void enter(DelegateExecution execution, String stage) {
        cases.enterStage(caseId(execution), Stage.valueOf(stage), null);
    }

    public void transfer(DelegateExecution execution, String transferScheme) {
        cases.enterStage(caseId(execution), Stage.TRANSFERRED, transferScheme);
    }

    /** The JCM track begins with its methodology. */
    public void startJcmTrack(DelegateExecution execution) {
        cases.enterJcmTrackStage(caseId(execution), JcmTrackStage.METHODOLOGY);
    }

    public void endJcmTrack(DelegateExecution execution) {
        cases.enterJcmTrackStage(caseId(execution), JcmTrackStage.ENDED);
    }

    private static UUID caseId(DelegateExecution execution) {
        return ProcessContext.caseId(execution);
    }
}
